package io.actionflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.ExecutionSummary;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WorkflowEditorTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Autowired
    io.actionflow.collections.RecordService records;

    @Autowired
    io.actionflow.collections.RecordQueries queries;

    @Test
    void admin_builds_test_runs_enables_and_versions_a_branching_workflow() {
        signIn("admin");
        String orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));

        navigate("admin/workflows");
        _click(_get(Button.class, spec -> spec.withText("New workflow")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Big order check");
        @SuppressWarnings("unchecked")
        Select<String> collection = _get(Select.class, spec -> spec.withLabel("Collection"));
        _setValue(collection, orders);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        _get(WorkflowEditorView.class);

        // a condition with two branches, each with a message
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        var expression = _get(TextField.class, spec -> spec.withLabel("Expression"));
        assertThat(expression.getValue()).as("a new condition holds no made-up expression").isEmpty();
        assertThat(expression.getPlaceholder()).isEqualTo("{{$context.data.amount}} > 100");
        _setValue(expression, "$context.data.amount > 100");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(cards()).containsExactly("condition1");
        // settings through the form of the node type, or as JSON
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "condition1.yes:0")));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withLabel("Type"));
        _setValue(kind, "response-message");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Message")), "Big order: {{$context.data.amount}}");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        insertAt("condition1.no:0", "response-message", "{\"message\": \"Small order\"}");
        assertThat(cards()).containsExactly("condition1", "responsemessage1", "responsemessage2");

        // test run: per-node results on the canvas
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Test run")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Context (JSON)")), "{\"data\": {\"amount\": 250}}");
        _click(_get(Button.class, spec -> spec.withText("Run")));
        NotificationsKt.expectNotifications("Big order: 250");
        assertThat(card("condition1").getElement().getTextRecursively()).contains("Done");
        assertThat(card("responsemessage1").getElement().getTextRecursively()).contains("Done");
        assertThat(card("responsemessage2").getElement().getTextRecursively()).doesNotContain("Done");

        // enable, then a real run freezes this version
        _click(_get(Button.class, spec -> spec.withText("Enable")));
        WorkflowDefinition v1 = workflows.list().stream().filter(w -> w.title().equals("Big order check")).findFirst().orElseThrow();
        assertThat(v1.enabled()).isTrue();
        runner.runSync(v1.id(), Map.of("data", Map.of("amount", 5)), 0);

        // editing a version that has run makes a new version
        NotificationsKt.clearNotifications();
        _click(card("responsemessage2"));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Message")).getValue()).isEqualTo("Small order");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Message")), "Small order, no check");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Version 2 was created: version 1 has run, so it stays as it was. Version 1 still runs until you enable version 2.");
        assertThat(workflows.versions(v1.key())).extracting(WorkflowDefinition::version).containsExactly(2, 1);

        // the history of version 1: the test run and the real run
        navigate("admin/workflows/" + v1.id());
        _get(TabSheet.class).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Grid<ExecutionSummary> history = _get(Grid.class);
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(badges(history, 0)).containsExactly("Resolved");
        assertThat(badges(history, 1)).contains("Test run");
        assertThat(_get(Span.class, spec -> spec.withText("2 executions"))).isNotNull();

        // filters: by status, then without test runs
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ExecutionStatus> status = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Status"));
        _setValue(status, java.util.Set.of(ExecutionStatus.FAILED));
        assertThat(GridKt._size(history)).isZero();
        status.clear();
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Include test runs")), false);
        assertThat(GridKt._size(history)).isEqualTo(1);

        // a run opened from the history shows its per-node results on the canvas
        _click((Button) GridKt._getCellComponent(history, 0, "actions").getChildren().findFirst().orElseThrow());
        assertThat(_get(TabSheet.class).getSelectedIndex()).isZero();
        assertThat(_get(Span.class, spec -> spec.withClasses("af-muted").withText(
                "Execution " + history.getGenericDataView().getItems().findFirst().orElseThrow().id() + ". Click a node to see what it got and gave.")))
                .isNotNull();
    }

    @Test
    void a_record_node_is_configured_with_a_form_of_collection_conditions_and_values() {
        signIn("admin");
        String orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(orders, FieldDraft.of("state", FieldType.TEXT, FieldSettings.titled("State")));
        var workflow = workflows.create(new io.actionflow.workflow.WorkflowDraft("Mark orders", null,
                io.actionflow.triggers.TriggerType.POST_ACTION, Map.of("collection", orders), true, 0));
        navigate("admin/workflows/" + workflow.id());

        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withLabel("Type"));
        _setValue(kind, "update");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> collection = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withLabel("Collection"));
        _setValue(collection, orders);
        // no condition comes with the type: the admin adds the one they mean
        _click(_get(Button.class, spec -> spec.withText("Add a condition")));
        _setValue(_find(TextField.class, spec -> spec.withClasses("af-setting-value")).getFirst(), "{{$context.data.id}}");
        _click(_get(Button.class, spec -> spec.withText("Add a value")));
        @SuppressWarnings("unchecked")
        List<com.vaadin.flow.component.combobox.ComboBox<String>> fields = (List) _find(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withClasses("af-setting-field"));
        // the condition (id is the record of the context), then the new value
        assertThat(fields).hasSize(2);
        assertThat(fields.get(1).getListDataView().getItems()).contains("id", "amount", "state");
        _setValue(fields.get(1), "state");
        List<TextField> texts = _find(TextField.class, spec -> spec.withClasses("af-setting-value"));
        _setValue(texts.get(texts.size() - 1), "checked {{$context.data.amount}}");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var node = workflows.get(workflow.id()).graph().chain().getFirst();
        assertThat(node.type()).isEqualTo("update");
        assertThat(node.config()).containsEntry("collection", orders)
                .containsEntry("values", Map.of("state", "checked {{$context.data.amount}}"))
                .containsEntry("filter", List.of(Map.of("field", "id", "op", "eq", "value", "{{$context.data.id}}")));

        // a test run against a chosen record: its values are the context, and what the run wrote is rolled back
        long order = records.create(orders, Map.of("amount", 70, "state", "new")).id();
        _click(_get(Button.class, spec -> spec.withText("Test run")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<io.actionflow.collections.ui.RecordChoices.Choice> record =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("A record of Orders"));
        _setValue(record, new io.actionflow.collections.ui.RecordChoices.Choice(order, "#" + order));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Context (JSON)")).getValue()).contains("\"amount\" : 70");
        _click(_get(Button.class, spec -> spec.withText("Run")));
        assertThat(_get(Span.class, spec -> spec.withClasses("af-muted").withText(
                "Test run: Resolved. Click a node to see what it got and gave."))).isNotNull();
        var job = workflows.jobs(workflows.executions(io.actionflow.workflow.ExecutionQuery.of(workflow.key()), 0, 1).getFirst().id()).getFirst();
        assertThat(job.input()).asString().contains("checked 70");
        assertThat(queries.get(orders, order).orElseThrow().get("state")).isEqualTo("new");
    }

    @Test
    void the_trigger_card_opens_the_settings_of_each_trigger_type() {
        signIn("admin");
        String orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));

        // a collection event, made in the dialog
        navigate("admin/workflows");
        _click(_get(Button.class, spec -> spec.withText("New workflow")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Watch big orders");
        @SuppressWarnings("unchecked")
        Select<io.actionflow.triggers.TriggerType> trigger = _get(Select.class, spec -> spec.withLabel("Trigger"));
        _setValue(trigger, io.actionflow.triggers.TriggerType.COLLECTION);
        @SuppressWarnings("unchecked")
        Select<String> collection = _get(Select.class, spec -> spec.withLabel("Collection"));
        _setValue(collection, orders);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.checkbox.CheckboxGroup<String> on = _get(com.vaadin.flow.component.checkbox.CheckboxGroup.class,
                spec -> spec.withLabel("Fires when a record is"));
        _setValue(on, java.util.Set.of("created", "updated"));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> fields = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Only when these fields change"));
        _setValue(fields, java.util.Set.of("amount"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Only when this holds")), "$context.data.amount > 1000");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var event = workflows.list().stream().filter(w -> w.title().equals("Watch big orders")).findFirst().orElseThrow();
        assertThat(event.triggerConfig()).containsEntry("on", List.of("created", "updated"))
                .containsEntry("changedFields", List.of("amount")).containsEntry("condition", "$context.data.amount > 1000");

        // a pre-action made global on delete, through its trigger card
        var pre = workflows.create(new io.actionflow.workflow.WorkflowDraft("Guard", null,
                io.actionflow.triggers.TriggerType.PRE_ACTION, Map.of("collection", orders), true, 0));
        navigate("admin/workflows/" + pre.id());
        _click(_get(Div.class, spec -> spec.withClasses("af-trigger-card")));
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Global: runs for every action on the collection, bound to a button or not")), true);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.checkbox.CheckboxGroup<String> actions = _get(com.vaadin.flow.component.checkbox.CheckboxGroup.class,
                spec -> spec.withLabel("On these actions"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(actions.isInvalid()).as("refused on the field, the dialog stays open").isTrue();
        assertThat(actions.getErrorMessage()).isEqualTo("Tick at least one action for a global workflow.");
        _setValue(actions, java.util.Set.of("destroy"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(workflows.get(pre.id()).triggerConfig()).containsEntry("global", true).containsEntry("actions", List.of("destroy"));
    }

    @Test
    void admin_exports_a_workflow_and_imports_it_as_a_new_version_and_bad_documents_are_refused() {
        signIn("admin");
        var workflow = workflows.create(new io.actionflow.workflow.WorkflowDraft("Greeting", null,
                io.actionflow.triggers.TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true, 0));
        workflow = workflows.updateGraph(workflow.id(), new io.actionflow.workflow.engine.WorkflowGraph(List.of(
                io.actionflow.workflow.engine.NodeDef.of("hello", "response-message", Map.of("message", "Hello")))));
        navigate("admin/workflows/" + workflow.id());
        var export = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("af-export"));
        assertThat(export.getHref()).isNotBlank();

        navigate("admin/workflows");
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var document = _get(TextArea.class, spec -> spec.withLabel("Workflow document (JSON)"));
        _setValue(document, "{\"triggerType\": \"SOMETHING\"}");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(document.isInvalid()).isTrue();
        assertThat(document.getErrorMessage()).isEqualTo("The trigger type SOMETHING is not known.");
        assertThat(workflows.versions(workflow.key())).hasSize(1);

        _setValue(document, workflows.export(workflow.id()));
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Imported Greeting as version 2. Check it, then enable it.");
        assertThat(workflows.versions(workflow.key())).extracting(WorkflowDefinition::version).containsExactly(2, 1);
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("Greeting");
    }

    private static List<String> badges(Grid<ExecutionSummary> grid, int row) {
        var cell = GridKt._getCellComponent(grid, row, "status");
        return cell.getChildren().map(c -> ((Span) c).getText()).toList();
    }

    @Test
    void a_multi_way_branch_shows_its_cases_in_order_then_otherwise_and_keeps_a_case_branch_when_renamed() {
        signIn("admin");
        var workflow = workflows.create(new WorkflowDraft("Route " + UUID.randomUUID(), null,
                TriggerType.SCHEDULE, Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), false, 0));
        navigate("admin/workflows/" + workflow.id());
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withLabel("Type"));
        _setValue(kind, "switch");
        // the example case, renamed; a second case added
        List<TextField> names = _find(TextField.class, spec -> spec.withPlaceholder("Case name"));
        _setValue(names.getFirst(), "Huge");
        _setValue(_find(TextField.class, spec -> spec.withPlaceholder("Holds when (an expression)")).getFirst(), "{{$context.fireTime}} == null");
        _click(_get(Button.class, spec -> spec.withText("Add a case")));
        _setValue(_find(TextField.class, spec -> spec.withPlaceholder("Case name")).getLast(), "Small");
        _setValue(_find(TextField.class, spec -> spec.withPlaceholder("Holds when (an expression)")).getLast(), "1 >");
        // an expression that does not read is refused, naming the case
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(com.vaadin.flow.component.dialog.Dialog.class)).isNotEmpty();
        _setValue(_find(TextField.class, spec -> spec.withPlaceholder("Holds when (an expression)")).getLast(), "true");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(lanes()).containsExactly("Huge", "Small", "Otherwise");

        // a node in the Small case stays with it when the case is renamed
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "switch1.case2:0")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "end");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        _click(card("switch1"));
        _setValue(_find(TextField.class, spec -> spec.withPlaceholder("Case name")).getLast(), "Everything else small");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(lanes()).containsExactly("Huge", "Everything else small", "Otherwise");
        var saved = workflows.get(workflow.id()).graph().chain().getFirst();
        assertThat(saved.branch("case2")).extracting(NodeDef::type).containsExactly("end");
        assertThat(saved.config().get("cases")).asList().hasSize(2);
    }

    private static List<String> lanes() {
        return _find(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("af-branch-label")).stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList();
    }

    @Test
    void every_node_form_labels_each_of_its_inputs_once() {
        signIn("admin");
        var workflow = workflows.create(new io.actionflow.workflow.WorkflowDraft("Labels " + UUID.randomUUID(), null,
                io.actionflow.triggers.TriggerType.APPROVAL, Map.of("collection", "users"), false, 0));
        navigate("admin/workflows/" + workflow.id());

        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withLabel("Type"));
        for (String type : kind.getListDataView().getItems().toList()) {
            _setValue(kind, type);
            var labels = _find(_get(NodeDialog.class), com.vaadin.flow.component.Component.class).stream()
                    .filter(c -> c instanceof com.vaadin.flow.component.HasLabel && c.isVisible())
                    .map(c -> ((com.vaadin.flow.component.HasLabel) c).getLabel())
                    .filter(l -> l != null && !l.isBlank()).toList();
            assertThat(labels).as("labels of the %s form", type).doesNotHaveDuplicates();
        }
        _get(NodeDialog.class).close();
    }

    private void insertAt(String slot, String type, String settings) {
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", slot)));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withLabel("Type"));
        _setValue(kind, type);
        if (settings != null) {
            _setValue(_get(Checkbox.class, spec -> spec.withLabel("Edit the settings as JSON")), true);
            _setValue(_get(TextArea.class, spec -> spec.withLabel("Settings (JSON)")), settings);
        }
        _click(_get(Button.class, spec -> spec.withText("Save")));
    }

    private static java.util.List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("af-card-node")).stream()
                .map(d -> d.getElement().getAttribute("data-node")).filter(java.util.Objects::nonNull).toList();
    }

    private static Div card(String key) {
        return _get(Div.class, spec -> spec.withAttribute("data-node", key));
    }
}
