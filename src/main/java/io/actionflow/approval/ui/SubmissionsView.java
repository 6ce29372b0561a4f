package io.actionflow.approval.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.UserBroadcaster;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * "My submissions": what the signed-in user submitted for approval, newest first, with where each stands and its
 * timeline. A request nobody has decided on yet can be withdrawn; a returned one can be changed and resubmitted.
 */
@Route("submissions")
@PermitAll
class SubmissionsView extends Div implements HasDynamicTitle {

    private final ApprovalService approvals;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final CurrentUser currentUser;
    private final UserBroadcaster broadcaster;

    private final Grid<Approval> grid = new Grid<>();
    private final Div detail = new Div();
    private final Span empty = new Span();
    private Registration signaled;
    private Long shown;

    SubmissionsView(ApprovalService approvals, CollectionService collections, RecordQueries queries, CurrentUser currentUser,
            UserBroadcaster broadcaster) {
        this.approvals = approvals;
        this.collections = collections;
        this.queries = queries;
        this.currentUser = currentUser;
        this.broadcaster = broadcaster;
        addClassNames("af-page", "af-submissions");
        grid.addClassName("af-submission-list");
        grid.addComponentColumn(a -> RequestPanel.summary(collections, a.title(), a.collection(),
                getTranslation("approval.action." + a.action()), a.updatedAt(), getLocale())).setHeader(getTranslation("approval.column.request"))
                .setFlexGrow(3);
        grid.addComponentColumn(a -> RequestPanel.status(this, a.status())).setHeader(getTranslation("approval.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        empty.setText(getTranslation("approval.submissions.empty"));
        empty.addClassName("af-empty");
        detail.addClassName("af-request-detail");
        var list = new Div(grid, empty);
        list.addClassName("af-master");
        var split = new Div(list, detail);
        split.addClassName("af-master-detail");
        add(split);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        currentUser.username().ifPresent(u -> signaled = broadcaster.register(u, this, this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (signaled != null) {
            signaled.remove();
        }
    }

    private void refresh() {
        var mine = approvals.mySubmissions();
        grid.setItems(mine);
        empty.setVisible(mine.isEmpty());
        grid.setVisible(!mine.isEmpty());
        var again = mine.stream().filter(a -> shown != null && a.id() == shown).findFirst();
        if (again.isPresent()) {
            grid.select(again.get());
            show(again.get());
        } else {
            show(null);
        }
    }

    private void show(Approval approval) {
        detail.removeAll();
        shown = approval == null ? null : approval.id();
        if (approval == null) {
            var hint = new Span(getTranslation("approval.submissions.choose"));
            hint.addClassName("af-muted");
            detail.add(hint);
            return;
        }
        boolean returned = approval.status() == Approval.Status.RETURNED;
        var editable = returned ? new LinkedHashSet<>(approval.data().keySet()) : Set.<String>of();
        var panel = new RequestPanel(approvals, collections, queries, approval, editable);
        var comment = new TextArea(getTranslation("approval.comment"));
        comment.addClassName("af-approval-comment");
        comment.setWidthFull();
        long id = approval.id();
        var buttons = new Div();
        buttons.addClassName("af-request-actions");
        if (returned) {
            buttons.add(action("approval.resubmit", ButtonVariant.LUMO_PRIMARY,
                    () -> approvals.resubmit(id, panel.changes(), comment.getValue()), panel, "approval.done.resubmitted"));
        }
        if (approval.status() == Approval.Status.PENDING && !approval.decided()) {
            buttons.add(action("approval.withdraw", ButtonVariant.LUMO_ERROR,
                    () -> approvals.withdraw(id, comment.getValue()), panel, "approval.done.withdrawn"));
        }
        if (approval.status().isOpen()) {
            buttons.add(action("approval.addComment", ButtonVariant.LUMO_TERTIARY,
                    () -> approvals.comment(id, comment.getValue()), panel, "approval.done.commented"));
        }
        if (buttons.getComponentCount() > 0) {
            panel.actions(comment, buttons);
        }
        detail.add(panel);
    }

    private Button action(String labelKey, ButtonVariant variant, Supplier<Approval> work, RequestPanel panel, String doneKey) {
        var button = new Button(getTranslation(labelKey));
        button.addThemeVariants(variant);
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            try {
                Approval after = work.get();
                Notices.success(getTranslation(doneKey, after.title()));
                refresh();
            } catch (ValidationException refused) {
                panel.show(refused);
            } catch (NotFoundException | AccessDeniedException gone) {
                Notices.error(getTranslation("approval.task.gone"));
                refresh();
            } finally {
                button.setEnabled(true);
            }
        });
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.submissions");
    }
}
