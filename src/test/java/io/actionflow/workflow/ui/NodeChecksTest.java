package io.actionflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Each node type checks its own settings (issue 27): what a new admin saved and enabled before, and what then failed
 * when members clicked, is refused when the node is saved (a wrong value) or at Enable (a missing one), in words.
 */
class NodeChecksTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    MessageSource messages;

    private String orders;
    private String products;

    private WorkflowDefinition workflow(TriggerType type, boolean synchronous, NodeDef... nodes) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        orders = "orders_" + suffix;
        products = "products_" + suffix;
        collections.create(new CollectionDraft(products, "Products " + suffix, null, null));
        collections.addField(products, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        collections.create(new CollectionDraft(orders, "Orders " + suffix, null, null));
        collections.addField(orders, FieldDraft.of("quantity", FieldType.INTEGER, FieldSettings.titled("Quantity")));
        collections.addField(orders, FieldDraft.relation("product", products, null, FieldSettings.titled("Product")));
        collections.addField(orders, FieldDraft.of("stage", FieldType.SINGLE_SELECT, FieldSettings.titled("Stage").withOptions(List.of("New", "Done"))));
        var workflow = workflows.create(new WorkflowDraft("Check " + suffix, null, type, Map.of("collection", orders), synchronous, 0));
        return workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
    }

    private List<String> enableProblems(WorkflowDefinition workflow) {
        try {
            workflows.enable(workflow.id());
        } catch (ValidationException refused) {
            return refused.errors().stream().map(e -> messages.getMessage(e.messageKey(), e.args().toArray(), Locale.ENGLISH)).toList();
        }
        return List.of();
    }

    @Test
    void broken_settings_that_passed_enable_before_are_each_refused_there_in_words() {
        signIn("admin");
        var workflow = workflow(TriggerType.POST_ACTION, false,
                NodeDef.of("wait", "delay", Map.of("duration", "-5abc")),
                NodeDef.of("back", "delay", Map.of("duration", "-PT5M")),
                new NodeDef("each", "loop", null, Map.of("target", "abc"), Map.of("body", List.of())),
                NodeDef.of("find", "query", Map.of("filter", List.of())),
                NodeDef.of("tell", "notification", Map.of("users", List.of("nobody_" + UUID.randomUUID()), "message", "Hi")),
                NodeDef.of("lower", "update", Map.of("collection", "$$nope", "values", Map.of("stock", 1))));
        var problems = enableProblems(workflow);
        String nobody = ((List<?>) workflow.graph().chain().get(4).config().get("users")).getFirst().toString();
        assertThat(problems).containsExactly(
                "The duration -5abc of node wait is not valid (for example PT10M, or a number of seconds).",
                "The duration -PT5M of node back is not valid (for example PT10M, or a number of seconds).",
                "Node each: a loop repeats for a list (a variable that holds one) or a whole number of times, not “abc”.",
                "Node find: choose the collection it works on.",
                "Node tell: there is no user " + nobody + ".",
                "Node lower: there is no collection $$nope.");
        assertThat(workflows.get(workflow.id()).enabled()).isFalse();

        // what the helper found next: a name on the canvas of 10,000 characters, "at most" -4, a field not there
        var more = workflow(TriggerType.POST_ACTION, false,
                NodeDef.of("few", "query", Map.of("collection", "x", "limit", "-4")),
                new NodeDef("each", "loop", null, Map.of("target", "{{$context.data.nothere}}"), Map.of("body", List.of())));
        assertThat(enableProblems(more)).contains(
                "Node few: “at most” is a whole number from 1 to 1000, not “-4”.",
                "Node each uses $context.data.nothere, but the collection " + orders + " has no such field.");
        var named = new WorkflowGraph(List.of(new NodeDef("long", "calculation", "x".repeat(201), Map.of("expression", "1"), Map.of())));
        assertThatThrownBy(() -> workflows.updateGraph(more.id(), named, "long"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .extracting(e -> e.field()).containsExactly("nodes.long.title"));
    }

    @Test
    void a_filter_that_compares_a_record_of_one_collection_with_the_submitted_record_of_another_is_a_problem() {
        signIn("admin");
        var workflow = workflow(TriggerType.PRE_ACTION, true,
                // the old default on a node of another collection: a product's id against the order's
                NodeDef.of("stock", "query", Map.of("collection", "PRODUCTS",
                        "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")))),
                NodeDef.of("gone", "destroy", Map.of("collection", "PRODUCTS", "filter", List.of())),
                NodeDef.of("same", "update", Map.of("collection", "ORDERS",
                        "filter", List.of(Map.of("field", "id", "value", "{{ $context.data.id }}")), "values", Map.of("quantity", 1))),
                NodeDef.of("right", "query", Map.of("collection", "PRODUCTS",
                        "filter", List.of(Map.of("field", "id", "value", "{{$context.data.product}}")))),
                NodeDef.of("typo", "query", Map.of("collection", "PRODUCTS",
                        "filter", List.of(Map.of("field", "stok", "op", "lt", "value", "1")))),
                // a select's value that is no option: every click would fail on it
                NodeDef.of("mark", "update", Map.of("collection", "ORDERS",
                        "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")), "values", Map.of("stage", "Gone"))),
                NodeDef.of("marked", "update", Map.of("collection", "ORDERS",
                        "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")), "values", Map.of("stage", "{{$context.data.stage}}"))));
        // the collection names were not known when the nodes were written: put them in
        var graph = new WorkflowGraph(workflow.graph().chain().stream().map(n -> new NodeDef(n.key(), n.type(), n.title(),
                renamed(n.config()), n.branches())).toList());
        workflow = workflows.updateGraph(workflow.id(), graph);

        assertThat(enableProblems(workflow)).containsExactly(
                "Node stock: its filter compares id (a record of " + products + ") with {{$context.data.id}}, a record of " + orders
                        + ". They only match by accident: compare with a value that names a record of " + products + ".",
                "Node gone has no filter: it would delete every record.",
                "Node typo: the collection " + products + " has no field stok to filter on.",
                "Node mark: stage cannot be “Gone”, which is not one of its options (New, Done).");
    }

    private Map<String, Object> renamed(Map<String, Object> config) {
        var copy = new java.util.LinkedHashMap<>(config);
        copy.computeIfPresent("collection", (k, v) -> "PRODUCTS".equals(v) ? products : "ORDERS".equals(v) ? orders : v);
        return copy;
    }

    @Test
    void a_wrong_value_is_refused_when_the_node_is_saved_on_its_input_and_a_missing_one_waits_for_enable() {
        signIn("admin");
        var workflow = workflow(TriggerType.POST_ACTION, false, NodeDef.of("first", "calculation", Map.of("expression", "1")));
        var wrong = new WorkflowGraph(List.of(workflow.graph().chain().getFirst(), NodeDef.of("wait", "delay", Map.of("duration", "-5abc"))));
        assertThatThrownBy(() -> workflows.updateGraph(workflow.id(), wrong, "wait"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(e -> {
                            assertThat(e.field()).isEqualTo("nodes.wait.duration");
                            assertThat(e.messageKey()).isEqualTo("workflow.error.duration");
                        }));
        assertThat(workflows.get(workflow.id()).graph().chain()).hasSize(1);
        // a node not finished yet is kept: a workflow is built one node at a time
        var unfinished = new WorkflowGraph(List.of(workflow.graph().chain().getFirst(), NodeDef.of("find", "query", Map.of())));
        assertThat(workflows.updateGraph(workflow.id(), unfinished, "find").graph().chain()).hasSize(2);

        // in the editor: a new Query starts with no condition at all, and a Delay of -5abc is marked on its input
        navigate("admin/workflows/" + workflow.id());
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:2")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "query");
        // typed by its title and Enter, as a new admin does: the collection of that title
        @SuppressWarnings("unchecked")
        ComboBox<String> collectionBox = _get(ComboBox.class, spec -> spec.withLabel("Collection"));
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(collectionBox, "products " + products.substring("products_".length()));
        assertThat(collectionBox.getValue()).isEqualTo(products);
        assertThat(_find(_get(NodeDialog.class), TextField.class, spec -> spec.withClasses("af-setting-value"))).as("no default condition").isEmpty();
        _get(NodeDialog.class).close();
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:2")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "delay");
        var duration = _get(_get(NodeDialog.class), TextField.class, spec -> spec.withLabel("Wait for"));
        _setValue(duration, "-5abc");
        _click(_get(_get(NodeDialog.class), Button.class, spec -> spec.withText("Save")));
        assertThat(duration.isInvalid()).isTrue();
        assertThat(duration.getErrorMessage()).isEqualTo("The duration -5abc of node delay1 is not valid (for example PT10M, or a number of seconds).");
        assertThat(workflows.get(workflow.id()).graph().chain()).hasSize(2);
        _get(NodeDialog.class).close();

        // a condition that compares a product's id with the order's is marked on the conditions, not in a passing notice
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:2")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "query");
        @SuppressWarnings("unchecked")
        ComboBox<String> products = _get(ComboBox.class, spec -> spec.withLabel("Collection"));
        _setValue(products, this.products);
        _click(_get(_get(NodeDialog.class), Button.class, spec -> spec.withText("Add a condition")));
        _setValue(_get(_get(NodeDialog.class), TextField.class, spec -> spec.withClasses("af-setting-value")), "{{$context.data.id}}");
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(_get(NodeDialog.class), Button.class, spec -> spec.withText("Save")));
        var conditions = _get(_get(NodeDialog.class), Div.class, spec -> spec.withAttribute("data-setting", "filter"));
        var said = _get(conditions, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("af-setting-error"));
        assertThat(said.getText()).startsWith("Node query1: its filter compares id (a record of " + this.products + ")");
        assertThat(conditions.getElement().hasAttribute("invalid")).isTrue();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications();
        assertThat(workflows.get(workflow.id()).graph().chain()).hasSize(2);
    }

    @Test
    void the_enable_dialog_speaks_in_sentences_and_leads_to_the_node() {
        signIn("admin");
        var workflow = workflow(TriggerType.POST_ACTION, false,
                new NodeDef("call", "request", "Call the shop", Map.of("method", "GET", "url", "https://shop.example.org/stock"), Map.of()));
        navigate("admin/workflows/" + workflow.id());
        _click(_get(Button.class, spec -> spec.withText("Enable")));
        var problem = _get(Div.class, spec -> spec.withClasses("af-problem"));
        String text = ((com.vaadin.flow.component.html.Span) problem.getChildren().findFirst().orElseThrow()).getText();
        assertThat(text).startsWith("Node call: ").doesNotContain("Text[", "workflow.error").contains("shop.example.org");
        _click(_get(problem, Button.class, spec -> spec.withText("Open node Call the shop")));
        assertThat(_find(NodeDialog.class)).hasSize(1);
    }

    @Test
    void a_picked_variable_replaces_a_selection_goes_in_at_the_caret_and_replaces_a_lone_starting_variable() {
        assertThat(VariablePicker.placed("Order  is late", "{{$context.data.id}}", false, 6, 6)).isEqualTo("Order {{$context.data.id}} is late");
        assertThat(VariablePicker.placed("Order X is late", "{{$context.data.id}}", false, 6, 7)).isEqualTo("Order {{$context.data.id}} is late");
        assertThat(VariablePicker.placed("{{$context.data.lines}}", "{{$context.data.items}}", false, -1, -1)).isEqualTo("{{$context.data.items}}");
        assertThat(VariablePicker.placed("Order", "{{$context.data.id}}", false, -1, -1)).isEqualTo("Order {{$context.data.id}}");
        assertThat(VariablePicker.placed("admin", "{{$context.user.username}}", true, -1, -1)).isEqualTo("admin\n{{$context.user.username}}");
        // a caret at the very end adds as before (a space after a word)
        assertThat(VariablePicker.placed("Order", "{{$context.data.id}}", false, 5, 5)).isEqualTo("Order {{$context.data.id}}");
    }
}
