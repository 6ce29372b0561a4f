package io.actionflow.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.approval.ManualTasks;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.platform.Inbox;
import io.actionflow.platform.Links;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A form a Manual task node asks of a member, filled in in My to-dos: it opens from the message that announced it,
 * starts with the values the workflow gave (a decimal as a number), refuses an empty required field on the field, keeps
 * a draft, and once submitted lets the workflow go on with what was entered.
 */
class FormToDoTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    ManualTasks forms;

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_member_fills_in_the_form_a_workflow_asks_for_and_the_workflow_goes_on() {
        signIn("admin");
        String s = UUID.randomUUID().toString().substring(0, 8);
        String orders = "forders_" + s;
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("amount", FieldType.DECIMAL, FieldSettings.titled("Amount")));
        String log = "flog_" + s;
        collections.create(new CollectionDraft(log, "Form log", null, null));
        collections.addField(log, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        var workflow = workflows.create(new WorkflowDraft("Budget " + s, null, TriggerType.POST_ACTION, Map.of("collection", orders), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                new NodeDef("ask", "manual", "Budget code", Map.of("assignees", List.of("member"), "title", "Budget code for order " + s,
                        "description", "Enter the budget code before the order goes out.", "collection", orders,
                        "fields", List.of(Map.of("name", "budget_code", "title", "Budget code", "type", "text", "required", true),
                                Map.of("name", "amount", "value", "{{$context.data.amount}}"),
                                Map.of("name", "ship_on", "title", "Ship on", "type", "date"),
                                Map.of("name", "priority", "title", "Priority", "type", "single_select", "options", List.of("low", "high")))), Map.of()),
                NodeDef.of("log", "create", Map.of("collection", log, "values", Map.of("note",
                        "{{$jobsMapByNodeKey.ask.values.budget_code}} {{$jobsMapByNodeKey.ask.values.amount}} {{$jobsMapByNodeKey.ask.values.ship_on}}"))))));
        workflows.enable(workflow.id());
        long execution = transaction.execute(status -> runner.queue(workflow.id(), Map.of("data", Map.of("amount", 450)), 0, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(execution) == ExecutionStatus.WAITING);

        // the run, shown on the canvas, waits for the member
        navigate("admin/workflows/" + workflow.id() + "?execution=" + execution);
        assertThat(person()).isEqualTo("Waiting for member");

        // the member opens it from the message that announced it
        signIn("member");
        var told = inbox.latest("member", 10).stream().filter(n -> n.link() != null && n.link().startsWith("form:")).findFirst().orElseThrow();
        String path = Links.path(told.link(), (c, i) -> java.util.Optional.empty()).orElseThrow();
        assertThat(path).startsWith("todos?form=");
        navigate(path);
        var view = _get(ToDosView.class);
        assertThat(String.valueOf(selected(view))).contains("Budget code for order " + s);
        assertThat(view.getElement().getTextRecursively()).contains("Enter the budget code before the order goes out.");
        assertThat(_get(view, BigDecimalField.class, spec -> spec.withLabel("Amount")).getValue()).isEqualByComparingTo("450");

        // an empty required field is refused on the field; nothing goes on
        _click(_get(view, Button.class, spec -> spec.withText("Submit")));
        assertThat(_get(view, TextField.class, spec -> spec.withLabel("Budget code")).getErrorMessage()).isEqualTo("This field is required.");
        assertThat(status(execution)).isEqualTo(ExecutionStatus.WAITING);

        // a draft is kept
        _setValue(_get(view, TextField.class, spec -> spec.withLabel("Budget code")), "MKT-7");
        _setValue(_get(view, BigDecimalField.class, spec -> spec.withLabel("Amount")), new BigDecimal("480.50"));
        _click(_get(view, Button.class, spec -> spec.withText("Save draft")));
        NotificationsKt.expectNotifications("Draft saved: the form keeps these values until you submit it.");
        navigate("todos");
        view = _get(ToDosView.class);
        ToDoRows.choose(view, "Budget code for order " + s);
        assertThat(_get(view, TextField.class, spec -> spec.withLabel("Budget code")).getValue()).isEqualTo("MKT-7");
        assertThat(_get(view, BigDecimalField.class, spec -> spec.withLabel("Amount")).getValue()).isEqualByComparingTo("480.50");

        _setValue(_get(view, DatePicker.class, spec -> spec.withLabel("Ship on")), LocalDate.of(2026, 12, 14));
        @SuppressWarnings("unchecked")
        Select<String> priority = _get(view, Select.class, spec -> spec.withLabel("Priority"));
        _setValue(priority, "high");
        _click(_get(view, Button.class, spec -> spec.withText("Submit")));
        NotificationsKt.expectNotifications("Budget code for order " + s + ": submitted.");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(execution) == ExecutionStatus.RESOLVED);
        assertThat(queries.find(log, RecordQuery.firstPage(10))).singleElement()
                .satisfies(r -> assertThat(r.get("note")).isEqualTo("MKT-7 480.5 2026-12-14"));
        // done: it leaves the open list, and shows read only among the finished
        assertThat(_find(_get(ToDosView.class), Grid.class).stream().filter(Component::isVisible).toList()).isEmpty();
        assertThat(forms.open("member")).isZero();
        signIn("admin");
        navigate("admin/workflows/" + workflow.id() + "?execution=" + execution);
        assertThat(person()).isEqualTo("Filled in by member");
    }

    /** What the Manual task's card says of the person, in the run shown on the canvas. */
    private static String person() {
        return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("af-card-person")).getText();
    }

    @Autowired
    DSLContext dsl;

    /** Where an execution stands, read as it is stored (whoever is signed in). */
    private ExecutionStatus status(long execution) {
        return ExecutionStatus.valueOf(dsl.select(field(name("status"), String.class)).from(table(name("af_execution")))
                .where(field(name("id"), Long.class).eq(execution)).fetchOne().value1());
    }

    private static Object selected(ToDosView view) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(view, Grid.class);
        return grid.asSingleSelect().getValue();
    }
}
