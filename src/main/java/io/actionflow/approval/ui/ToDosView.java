package io.actionflow.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import io.actionflow.access.Access;
import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.approval.ManualTask;
import io.actionflow.approval.ManualTasks;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.Times;
import io.actionflow.platform.ui.UserBroadcaster;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * "My to-dos": what waits for the signed-in user, oldest first: approval tasks, and forms that Manual task nodes ask them
 * to fill in. Choosing an approval task shows the submitted values (the fields the approval step allows changed as
 * inputs), the timeline, and what the approver can do: approve, reject, return to the submitter, delegate. Choosing a
 * form shows its fields, to submit or save as a draft. The list refreshes itself when a task arrives or closes.
 */
@Route("todos")
@PermitAll
class ToDosView extends RequestList<ToDosView.Item> {

    /** One line of the list: an approval task or a form. */
    sealed interface Item {
    }

    record ApprovalItem(ApprovalService.ToDo todo) implements Item {
    }

    record FormItem(ManualTask task) implements Item {
    }

    private final UserService users;
    private final ManualTasks forms;
    private final Access access;
    private final Select<String> which = new Select<>();
    private final TextField search = new TextField();
    private final Select<String> collection = new Select<>();

    ToDosView(ApprovalService approvals, ManualTasks forms, CollectionService collections, RecordQueries queries, Access access,
            UserService users, CurrentUser currentUser, UserBroadcaster broadcaster) {
        super(approvals, collections, queries, currentUser, broadcaster, "af-todos", "approval.todos.empty", "approval.todos.choose");
        this.users = users;
        this.forms = forms;
        this.access = access;
        // open tasks, or those already done; narrowed by words of the title and by what they are about
        which.setItems("open", "finished");
        which.setItemLabelGenerator(w -> getTranslation("approval.todos." + w));
        which.setValue("open");
        which.setAriaLabel(getTranslation("approval.todos.which"));
        which.addValueChangeListener(e -> refresh());
        search.setPlaceholder(getTranslation("approval.todos.search"));
        search.setAriaLabel(getTranslation("approval.todos.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        collection.setEmptySelectionAllowed(true);
        collection.setEmptySelectionCaption(getTranslation("approval.todos.anyCollection"));
        collection.setItemLabelGenerator(c -> c == null ? getTranslation("approval.todos.anyCollection")
                : collections.find(c).map(d -> d.title()).orElse(c));
        collection.setAriaLabel(getTranslation("approval.todos.collection"));
        collection.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        filters.add(which, search, collection);
        grid.addComponentColumn(item -> switch (item) {
            case ApprovalItem a -> RequestPanel.summary(collections, a.todo().approval().title(), a.todo().approval().collection(),
                    approvals.name(a.todo().approval().submitter()), a.todo().task().createdAt(), getLocale());
            case FormItem f -> formSummary(f.task());
        }).setHeader(getTranslation("approval.column.request"));
    }

    @Override
    protected List<Item> items() {
        boolean finished = "finished".equals(which.getValue());
        var all = finished ? approvals.myFinishedToDos() : approvals.myToDos();
        var about = all.stream().map(t -> t.approval().collection()).distinct().sorted().toList();
        if (!about.equals(collection.getListDataView().getItems().toList())) {
            String chosen = collection.getValue();
            collection.setItems(about);
            collection.setValue(about.contains(chosen) ? chosen : null);
        }
        String words = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(getLocale());
        var items = new ArrayList<Item>();
        if (collection.getValue() == null) {
            // forms are about no collection: they leave the list when one is chosen
            (finished ? forms.myFinished() : forms.mine()).stream()
                    .filter(f -> words.isEmpty() || f.title().toLowerCase(getLocale()).contains(words))
                    .map(FormItem::new).forEach(items::add);
        }
        all.stream()
                .filter(t -> collection.getValue() == null || collection.getValue().equals(t.approval().collection()))
                .filter(t -> words.isEmpty() || t.approval().title().toLowerCase(getLocale()).contains(words))
                .map(ApprovalItem::new).forEach(items::add);
        items.sort(Comparator.comparing(ToDosView::since, finished ? Comparator.reverseOrder() : Comparator.naturalOrder()));
        return items;
    }

    private static Instant since(Item item) {
        return switch (item) {
            case ApprovalItem a -> a.todo().task().createdAt();
            case FormItem f -> f.task().createdAt();
        };
    }

    /** A form as the list shows it: its title, and under it that it is a form, since when, and until when. */
    private Component formSummary(ManualTask task) {
        var name = new Span(task.title());
        name.addClassName("af-summary-title");
        var about = new Span(getTranslation("manual.form.kind") + " · " + Times.format(task.createdAt(), getLocale())
                + (task.dueAt() == null ? "" : " · " + getTranslation("manual.form.due", Times.format(task.dueAt(), getLocale()))));
        about.addClassName("af-muted");
        var summary = new Div(name, about);
        summary.addClassNames("af-summary", "af-summary-form");
        return summary;
    }

    @Override
    protected long id(Item item) {
        // forms and approval tasks are numbered apart: a form's number is kept negative here
        return switch (item) {
            case ApprovalItem a -> a.todo().task().id();
            case FormItem f -> -f.task().id();
        };
    }

    @Override
    protected String linkedAs(Item item) {
        return switch (item) {
            case ApprovalItem a -> "request:" + a.todo().approval().id();
            case FormItem f -> "form:" + f.task().id();
        };
    }

    @Override
    protected Component panel(Item item) {
        return switch (item) {
            case ApprovalItem a -> panel(a.todo());
            case FormItem f -> new FormPanel(forms, collections, queries, access, f.task(), this::refresh);
        };
    }

    private RequestPanel panel(ApprovalService.ToDo todo) {
        Approval approval = todo.approval();
        if (todo.task().status() != io.actionflow.approval.ApprovalTask.Status.PENDING) {
            // done: the request as it stands, and what became of it; nothing more to do here
            return new RequestPanel(approvals, collections, queries, approval, Set.of());
        }
        var panel = new RequestPanel(approvals, collections, queries, approval, Set.copyOf(approval.editable()));
        TextArea comment = comment();
        long taskId = todo.task().id();
        var delegate = new Button(getTranslation("approval.delegate"), e -> delegate(taskId, comment.getValue()));
        delegate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        act(panel, comment,
                action("approval.approve", () -> approvals.approve(taskId, comment.getValue(), panel.changes()), panel,
                        "approval.done.approved", ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS),
                action("approval.reject", () -> approvals.reject(taskId, comment.getValue()), panel, "approval.done.rejected",
                        ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR),
                action("approval.return", () -> approvals.giveBack(taskId, comment.getValue()), panel, "approval.done.returned",
                        ButtonVariant.LUMO_TERTIARY),
                delegate);
        return panel;
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
