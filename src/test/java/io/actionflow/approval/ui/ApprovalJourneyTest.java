package io.actionflow.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member submits a purchase request bound to an approval; the admin returns it with a comment, the member changes
 * and resubmits it, the admin approves; the record appears with the approved values, and the timeline shows each step.
 */
class ApprovalJourneyTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    @Autowired
    ApprovalService approvals;

    @Test
    void submit_return_resubmit_approve_and_the_timeline_tells_it_all() {
        signIn("admin");
        String requests = "requests_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(requests, "Requests", null, null));
        collections.addField(requests, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title").withRequired(true)));
        collections.addField(requests, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.update(requests, new CollectionDraft(requests, "Requests", null, "title"));
        var workflow = workflows.create(new WorkflowDraft("Purchase approval", null, TriggerType.APPROVAL,
                Map.of("collection", requests, "mode", "beforeSave"), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(new NodeDef("boss", "approval", "Manager",
                Map.of("approvers", List.of("admin"), "editableFields", List.of("amount")), Map.of()))));
        workflows.enable(workflow.id());
        PageDefinition page = pages.create(new PageDraft("Requests " + requests, null, null, 1, Set.of(Role.MEMBER_ID, Role.ADMIN_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, requests, null, 0, List.of("title", "amount"), null, 20, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, requests, "New", 0, List.of("title", "amount"), FormMode.CREATE, 0, null));
        var submitButton = page.blocks().get(1).buttons().stream().filter(b -> b.kind() == ButtonKind.SUBMIT).findFirst().orElseThrow();
        pages.bind(submitButton.id(), List.of(new WorkflowBinding(workflow.key(), null)));
        long tasksBefore = approvals.openTasks("admin");

        // the member submits: nothing is saved yet
        signIn("member");
        navigate("p/" + page.slug());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Ergonomic chair");
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Amount")), 480);
        _click(_get(Button.class, spec -> spec.withText("Submit")));
        NotificationsKt.expectNotifications("Submitted for approval.");
        assertThat(queries.count(requests, Filter.all())).isZero();
        awaitTasks(tasksBefore + 1);

        // the admin's badge counts the task; the admin returns it with a comment
        signIn("admin");
        assertThat(badge()).isEqualTo(String.valueOf(tasksBefore + 1));
        navigate("todos");
        ToDoRows.choose(_get(ToDosView.class), "Ergonomic chair");
        assertThat(_get(ToDosView.class).getElement().getTextRecursively()).contains("Ergonomic chair").contains("Manager");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Comment")), "Is there a cheaper model?");
        _click(_get(Button.class, spec -> spec.withText("Return to submitter")));
        NotificationsKt.expectNotifications("You returned Purchase approval · Ergonomic chair to its submitter.");
        assertThat(approvals.openTasks("admin")).isEqualTo(tasksBefore);

        // the member finds it returned, changes the amount and resubmits
        signIn("member");
        navigate("submissions");
        var mine = _get(SubmissionsView.class);
        ToDoRows.choose(mine, "Ergonomic chair");
        assertThat(mine.getElement().getTextRecursively()).contains("Returned").contains("Is there a cheaper model?")
                .as("a returned request waits at no step").doesNotContain("Waiting at");
        _setValue(_get(mine, TextField.class, spec -> spec.withLabel("Amount")), "390");
        _setValue(_get(mine, TextField.class, spec -> spec.withLabel("Title")), "Ergonomic chair, basic");
        _setValue(_get(mine, TextArea.class, spec -> spec.withLabel("Comment")), "Found one for 390");
        _click(_get(mine, Button.class, spec -> spec.withText("Resubmit")));
        // the request's title follows the record's title as resubmitted
        NotificationsKt.expectNotifications("Purchase approval · Ergonomic chair, basic was resubmitted.");
        awaitTasks(tasksBefore + 1);

        // the admin approves
        signIn("admin");
        assertThat(badge()).isEqualTo(String.valueOf(tasksBefore + 1));
        navigate("todos");
        ToDoRows.choose(_get(ToDosView.class), "Ergonomic chair");
        assertThat(_get(_get(ToDosView.class), TextField.class, spec -> spec.withLabel("Amount")).getValue()).isEqualTo("390");
        _click(_get(Button.class, spec -> spec.withText("Approve")));
        NotificationsKt.expectNotifications("You approved Purchase approval · Ergonomic chair, basic.");

        // the decided task is among the finished ones, found by its title, with nothing left to do
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<String> which = _get(_get(ToDosView.class), com.vaadin.flow.component.select.Select.class,
                spec -> spec.withValue("open"));
        _setValue(which, "finished");
        _setValue(_get(_get(ToDosView.class), TextField.class, spec -> spec.withPlaceholder("Search by title")), "basic");
        ToDoRows.choose(_get(ToDosView.class), "Ergonomic chair, basic");
        assertThat(_find(_get(ToDosView.class), Button.class, spec -> spec.withText("Approve"))).isEmpty();
        _setValue(_get(_get(ToDosView.class), TextField.class, spec -> spec.withPlaceholder("Search by title")), "no such request");
        assertThat(_find(_get(ToDosView.class), Grid.class)).isEmpty();

        // the record appears with the approved values, and the timeline shows every step
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queries.count(requests, Filter.all()) == 1);
        signIn("member");
        navigate("p/" + page.slug());
        @SuppressWarnings("unchecked")
        Grid<Object> table = _get(Grid.class);
        assertThat(GridKt._size(table)).isEqualTo(1);
        assertThat(GridKt._getFormatted(table, 0, "title")).isEqualTo("Ergonomic chair, basic");
        assertThat(GridKt._getFormatted(table, 0, "amount")).isEqualTo("390");
        navigate("submissions");
        mine = _get(SubmissionsView.class);
        ToDoRows.choose(mine, "Ergonomic chair");
        var timeline = _get(mine, com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("af-timeline"))
                .getElement().getTextRecursively();
        assertThat(timeline).containsSubsequence("Demo Member submitted it", "Asked: Administrator", "returned it to the submitter",
                "Is there a cheaper model?", "Demo Member resubmitted it, changing Title, Amount", "Found one for 390", "Asked: Administrator", "approved",
                "Approved", "Saved");
        assertThat(mine.getElement().getTextRecursively()).contains(approvalStatus(Approval.Status.APPROVED));

        // the message that it ended leads to the request; marking all read empties the count
        var ended = inbox.latest("member", 5).stream().filter(n -> n.link() != null && n.link().startsWith("submission:")).findFirst().orElseThrow();
        String path = io.actionflow.platform.Links.path(ended.link(), (c, i) -> java.util.Optional.empty()).orElseThrow();
        assertThat(path).startsWith("submissions?request=");
        navigate(path);
        @SuppressWarnings("unchecked")
        Grid<Approval> list = _get(_get(SubmissionsView.class), Grid.class);
        assertThat(list.asSingleSelect().getValue()).isNotNull();
        assertThat(list.asSingleSelect().getValue().title()).isEqualTo("Purchase approval · Ergonomic chair, basic");
        inbox.readAll();
        assertThat(inbox.unreadCount("member")).isZero();
    }

    @Autowired
    io.actionflow.platform.Inbox inbox;

    /** The count the "My to-dos" entry shows; empty when it shows none. */
    private static String badge() {
        var item = _find(SideNavItem.class).stream().filter(i -> "todos".equals(i.getPath())).findFirst().orElseThrow();
        var badge = (Span) item.getSuffixComponent();
        return badge.isVisible() ? badge.getText() : "";
    }

    private void awaitTasks(long count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> approvals.openTasks("admin") == count);
    }

    private static String approvalStatus(Approval.Status status) {
        return status == Approval.Status.APPROVED ? "Approved" : status.name();
    }
}
