package io.actionflow.workflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.Message;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code {}} picker knows the submitted data's shape (issue 27): a pre-action is offered the sub-table's rows, and
 * inside a loop over them each row's fields; every path it offers there resolves to the value a click submits.
 */
class PickerPathsTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    WorkflowService workflows;

    @Autowired
    RecordService records;

    @Autowired
    ActionDispatcher dispatcher;

    @Test
    void every_path_offered_inside_a_loop_over_the_submitted_rows_resolves_when_a_member_submits() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String products = "products_" + suffix;
        String orders = "orders_" + suffix;
        String items = "items_" + suffix;
        collections.create(new CollectionDraft(products, "Products", null, null));
        collections.addField(products, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(products, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("customer", FieldType.TEXT, FieldSettings.titled("Customer")));
        collections.create(new CollectionDraft(items, "Items", null, null));
        collections.addField(items, FieldDraft.relation("product", products, null, FieldSettings.titled("Product")));
        collections.addField(items, FieldDraft.of("quantity", FieldType.INTEGER, FieldSettings.titled("Quantity")));
        collections.addField(items, FieldDraft.relation("order_ref", orders, "lines", FieldSettings.titled("Order")));
        long pear = records.create(products, Map.of("name", "Pear", "stock", 10)).id();

        var workflow = workflows.create(new WorkflowDraft("Check stock " + suffix, null, TriggerType.PRE_ACTION,
                Map.of("collection", orders), true, 0));
        workflow = workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                NodeDef.of("all", "query", Map.of("collection", products, "multiple", true, "filter", List.of())),
                new NodeDef("each", "loop", null, Map.of("target", "{{$context.data.lines}}"), Map.of("body", List.of())))));

        // what the picker offers to a node in the loop's body
        var reach = Variables.reach(workflow.graph().chain(), "each", "body", 0);
        var groups = Variables.at(workflow, reach, collections, key -> key);
        var paths = groups.stream().flatMap(g -> g.variables().stream()).map(Variables.Variable::path).toList();
        assertThat(paths).contains("$context.data.lines", "$scopes.each.item", "$scopes.each.item.product",
                "$scopes.each.item.quantity", "$scopes.each.index", "$jobsMapByNodeKey.all")
                .doesNotContain("$scopes.each.item.order_ref", "$scopes.each.item.id");

        // a node there that says each offered path of the submission, the loop and the nodes before, as the click resolves it
        var checked = paths.stream().filter(p -> p.startsWith("$context.data") || p.startsWith("$scopes") || p.startsWith("$jobsMapByNodeKey"))
                .filter(p -> !p.equals("$context.data.id")).toList();
        String message = checked.stream().map(p -> p + "=[{{" + p + "}}]").collect(Collectors.joining("\n"));
        var say = NodeDef.of("say", "response-message", Map.of("message", message));
        workflow = workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(workflow.graph().chain().get(0),
                new NodeDef("each", "loop", null, Map.of("target", "{{$context.data.lines}}"), Map.of("body", List.of(say))))));
        workflows.enable(workflow.id());

        var result = dispatcher.dispatch(new ActionRequest(orders, Action.CREATE, List.of(),
                Map.of("customer", "Ann", "lines", List.of(Map.of("product", pear, "quantity", "3"))),
                List.of(new WorkflowBinding(workflow.key(), null)), "admin", "admin", ActionSource.UI, null));
        var said = result.messages().stream().map(Message::text).filter(t -> t != null && t.contains("=[")).findFirst().orElseThrow();
        var empty = new ArrayList<String>();
        for (String line : said.split("\n")) {
            if (line.endsWith("=[]")) {
                empty.add(line);
            }
        }
        assertThat(empty).as("every offered path holds a value at run time").isEmpty();
        assertThat(said).contains("$scopes.each.item.quantity=[3]", "$scopes.each.item.product=[" + pear + "]", "$context.data.customer=[Ann]");
    }
}
