package io.actionflow.approval.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.ScrollIntoViewOption;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
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
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the two to-do center views share: a list of requests beside the chosen one, the list refreshed through server
 * push when something changes for the signed-in user, and buttons that act on the chosen request and say how it went.
 *
 * @param <T> what the list holds (a task, or a request)
 */
abstract class RequestList<T> extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    protected final ApprovalService approvals;
    protected final CollectionService collections;
    protected final RecordQueries queries;
    protected final CurrentUser currentUser;
    protected final Grid<T> grid = new Grid<>();
    /** Above the list: what a view lets its reader narrow the list by. */
    protected final Div filters = new Div();

    private final UserBroadcaster broadcaster;
    private final Div detail = new Div();
    private final Span empty = new Span();
    private final String chooseKey;
    private Registration signaled;
    private Long shown;

    RequestList(ApprovalService approvals, CollectionService collections, RecordQueries queries, CurrentUser currentUser,
            UserBroadcaster broadcaster, String styleName, String emptyKey, String chooseKey) {
        this.approvals = approvals;
        this.collections = collections;
        this.queries = queries;
        this.currentUser = currentUser;
        this.broadcaster = broadcaster;
        this.chooseKey = chooseKey;
        addClassNames("af-page", styleName);
        grid.addClassName(styleName + "-list");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            show(e.getValue());
            if (e.isFromClient() && e.getValue() != null) {
                // a long list scrolls: the chosen request comes into view (beside the list, or below it on a phone)
                detail.scrollIntoView(ScrollIntoViewOption.Block.NEAREST);
            }
        });
        empty.setText(getTranslation(emptyKey));
        empty.addClassName("af-empty");
        detail.addClassName("af-request-detail");
        filters.addClassName("af-request-filters");
        var list = new Div(filters, grid, empty);
        list.addClassName("af-master");
        var split = new Div(list, detail);
        split.addClassName("af-master-detail");
        add(split);
    }

    /** A link to one item ({@code ?request=<id>} or {@code ?form=<id>}, from a notification) opens it. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        for (String kind : List.of("request", "form")) {
            parameters.getSingleParameter(kind).filter(v -> v.matches("\\d{1,18}")).ifPresent(id -> wanted = kind + ":" + id);
        }
    }

    /** The item a link asked for ({@code request:12}), chosen once the list is read. */
    private String wanted;

    /** What a link to an item names: {@code request:<id>} for the request it is about. */
    protected abstract String linkedAs(T item);

    /** The signed-in user's items, as the list shows them. */
    protected abstract List<T> items();

    /** What identifies an item across refreshes. */
    protected abstract long id(T item);

    /** The chosen item, with what the reader can do with it. */
    protected abstract Component panel(T item);

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

    /** Reads the list again, keeping the chosen item when it is still there. */
    protected final void refresh() {
        var items = items();
        grid.setItems(items);
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
        if (wanted != null) {
            items.stream().filter(i -> wanted.equals(linkedAs(i))).findFirst().ifPresent(i -> shown = id(i));
            wanted = null;
        }
        var again = items.stream().filter(i -> shown != null && id(i) == shown).findFirst();
        again.ifPresent(grid::select);
        show(again.orElse(null));
    }

    private void show(T item) {
        detail.removeAll();
        shown = item == null ? null : id(item);
        if (item == null) {
            var hint = new Span(getTranslation(chooseKey));
            hint.addClassName("af-muted");
            detail.add(hint);
        } else {
            detail.add(panel(item));
        }
    }

    /** The comment field of the chosen request's actions. */
    protected TextArea comment() {
        var comment = new TextArea(getTranslation("approval.comment"));
        comment.addClassName("af-approval-comment");
        comment.setWidthFull();
        return comment;
    }

    /**
     * A button that does {@code work} once per click, then says so and refreshes; refused values are shown on the
     * panel's fields, and a request that is gone meanwhile is said to be.
     */
    protected Button action(String labelKey, Supplier<Approval> work, RequestPanel panel, String doneKey, ButtonVariant... variants) {
        var button = new Button(getTranslation(labelKey));
        button.addThemeVariants(variants);
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

    /** The comment and buttons under a request's values. */
    protected static void act(RequestPanel panel, TextArea comment, Button... buttons) {
        var row = new Div(buttons);
        row.addClassName("af-request-actions");
        panel.actions(comment, row);
    }
}
