package io.actionflow.approval.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
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
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.UserBroadcaster;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * "My to-dos": the approval tasks waiting for the signed-in user, oldest first. Choosing one shows the submitted values
 * (the fields the approval step allows changed as inputs), the timeline, and what the approver can do: approve,
 * reject, return to the submitter, delegate. The list refreshes itself when a task arrives or closes.
 */
@Route("todos")
@PermitAll
class ToDosView extends Div implements HasDynamicTitle {

    private final ApprovalService approvals;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final UserService users;
    private final CurrentUser currentUser;
    private final UserBroadcaster broadcaster;

    private final Grid<ApprovalService.ToDo> grid = new Grid<>();
    private final Div detail = new Div();
    private final Span empty = new Span();
    private Registration signaled;
    private Long shownTask;

    ToDosView(ApprovalService approvals, CollectionService collections, RecordQueries queries, UserService users,
            CurrentUser currentUser, UserBroadcaster broadcaster) {
        this.approvals = approvals;
        this.collections = collections;
        this.queries = queries;
        this.users = users;
        this.currentUser = currentUser;
        this.broadcaster = broadcaster;
        addClassNames("af-page", "af-todos");
        grid.addClassName("af-todo-list");
        grid.addComponentColumn(t -> RequestPanel.summary(collections, t.approval().title(), t.approval().collection(),
                approvals.name(t.approval().submitter()), t.task().createdAt(), getLocale())).setHeader(getTranslation("approval.column.request"));
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        empty.setText(getTranslation("approval.todos.empty"));
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
        var todos = approvals.myToDos();
        grid.setItems(todos);
        empty.setVisible(todos.isEmpty());
        grid.setVisible(!todos.isEmpty());
        var again = todos.stream().filter(t -> t.task().id() == (shownTask == null ? -1 : shownTask)).findFirst();
        if (again.isPresent()) {
            grid.select(again.get());
        } else {
            show(null);
        }
    }

    private void show(ApprovalService.ToDo todo) {
        detail.removeAll();
        shownTask = todo == null ? null : todo.task().id();
        if (todo == null) {
            var hint = new Span(getTranslation("approval.todos.choose"));
            hint.addClassName("af-muted");
            detail.add(hint);
            return;
        }
        Approval approval = todo.approval();
        var panel = new RequestPanel(approvals, collections, queries, approval, Set.copyOf(approval.editable()));
        var comment = new TextArea(getTranslation("approval.comment"));
        comment.addClassName("af-approval-comment");
        comment.setWidthFull();
        long taskId = todo.task().id();
        var approve = action("approval.approve", ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS,
                () -> approvals.approve(taskId, comment.getValue(), panel.changes()), panel, "approval.done.approved");
        var reject = action("approval.reject", ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR,
                () -> approvals.reject(taskId, comment.getValue()), panel, "approval.done.rejected");
        var giveBack = action("approval.return", ButtonVariant.LUMO_TERTIARY, null,
                () -> approvals.giveBack(taskId, comment.getValue()), panel, "approval.done.returned");
        var delegate = new Button(getTranslation("approval.delegate"), e -> delegate(taskId, comment.getValue()));
        delegate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var buttons = new Div(approve, reject, giveBack, delegate);
        buttons.addClassName("af-request-actions");
        panel.actions(comment, buttons);
        detail.add(panel);
    }

    private Button action(String labelKey, ButtonVariant variant, ButtonVariant second, Supplier<Approval> work,
            RequestPanel panel, String doneKey) {
        var button = new Button(getTranslation(labelKey));
        button.addThemeVariants(variant);
        if (second != null) {
            button.addThemeVariants(second);
        }
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            try {
                Approval after = work.get();
                Notices.success(getTranslation(doneKey, after.title()));
                shownTask = null;
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

    private void delegate(long taskId, String comment) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("approval.delegate.title"));
        var to = new ComboBox<UserService.Colleague>(getTranslation("approval.delegate.to"));
        String me = currentUser.username().orElse("");
        to.setItems(users.colleagues().stream().filter(c -> !c.username().equals(me)).toList());
        to.setItemLabelGenerator(c -> c.displayName() + " (" + c.username() + ")");
        to.setWidthFull();
        var note = new TextArea(getTranslation("approval.comment"));
        note.setValue(comment == null ? "" : comment);
        note.setWidthFull();
        dialog.add(to, note);
        var confirm = new Button(getTranslation("approval.delegate"), e -> {
            try {
                approvals.delegate(taskId, to.getValue() == null ? null : to.getValue().username(), note.getValue());
                Notices.success(getTranslation("approval.done.delegated", to.getValue().displayName()));
                dialog.close();
                shownTask = null;
                refresh();
            } catch (ValidationException refused) {
                to.setInvalid(true);
                to.setErrorMessage(new io.actionflow.platform.Text(refused.errors().getFirst().messageKey(),
                        refused.errors().getFirst().args()).format(this::getTranslation));
            } catch (NotFoundException | AccessDeniedException gone) {
                Notices.error(getTranslation("approval.task.gone"));
                dialog.close();
                refresh();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> confirm.setEnabled(true));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.todos");
    }
}
