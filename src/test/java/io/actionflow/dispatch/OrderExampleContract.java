package io.actionflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.Roles;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The handbook's "Order submission" (issue 14): an order and its items saved as one, a pre-action that loops over the
 * submitted items, reads each product's stock and refuses the order with "Product X is out of stock", writing
 * nothing; a good order saved with its items; a post-action that reads the stored items; and the rows' permissions.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class OrderExampleContract {

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    Roles roles;

    @Autowired
    Permissions permissions;

    String products;
    String orders;
    String items;
    String log;
    long bolt;
    long widget;
    WorkflowDefinition stockCheck;
    WorkflowDefinition countItems;

    @BeforeEach
    void model() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        products = "products_" + s;
        orders = "orders_" + s;
        items = "order_items_" + s;
        log = "log_" + s;
        collections.create(new CollectionDraft(products, "Products", null, "name"));
        collections.addField(products, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(products, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        collections.create(new CollectionDraft(orders, "Orders", null, "ref"));
        collections.addField(orders, FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Reference").withRequired(true)));
        collections.create(new CollectionDraft(items, "Order items", null, null));
        collections.addField(items, FieldDraft.relation("parent_order", orders, "items", FieldSettings.titled("Order").withRequired(true)));
        collections.addField(items, FieldDraft.relation("product", products, null, FieldSettings.titled("Product").withRequired(true)));
        collections.addField(items, FieldDraft.of("qty", FieldType.INTEGER, FieldSettings.titled("Quantity").withRequired(true)
                .withRange(java.math.BigDecimal.ONE, null)));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        bolt = records.create(products, Map.of("name", "Bolt", "stock", 100)).id();
        widget = records.create(products, Map.of("name", "Widget", "stock", 5)).id();

        // the handbook's workflow: for each submitted item, the product's stock; too little ends it with a failure
        stockCheck = workflow("Check stock", TriggerType.PRE_ACTION, Map.of("collection", orders), true, List.of(
                new NodeDef("each", "loop", "Each item", Map.of("target", "{{$context.data.items}}"), Map.of()).withBranch("body", List.of(
                        NodeDef.of("product", "query", Map.of("collection", products,
                                "filter", List.of(Map.of("field", "id", "value", "{{$scopes.each.item.product}}")))),
                        new NodeDef("short", "condition", "Enough?", Map.of("mode", "branch",
                                "expression", "{{$jobsMapByNodeKey.product.stock}} < {{$scopes.each.item.qty}}"), Map.of())
                                .withBranch("yes", List.of(
                                        NodeDef.of("say", "response-message", Map.of("message",
                                                "Product {{$jobsMapByNodeKey.product.name}} is out of stock")),
                                        NodeDef.of("stop", "end", Map.of("status", "fail"))))
                                .withBranch("no", List.of())))));
        // after the write, the items as stored
        countItems = workflow("Count items", TriggerType.POST_ACTION, Map.of("collection", orders, "appends", List.of("items")), true,
                List.of(NodeDef.of("note", "create", Map.of("collection", log,
                        "values", Map.of("entry", "{{$context.data.ref}}: {{$context.data.items.0.qty}} first, {{$context.data.items.1.id}} second")))));
    }

    @Test
    void an_order_with_an_item_out_of_stock_is_refused_with_the_products_name_and_nothing_is_written() {
        var result = submit(Map.of("ref", "A-1", "items", List.of(Map.of("product", bolt, "qty", 2), Map.of("product", widget, "qty", 30))));

        assertThat(result).isInstanceOf(ActionResult.Blocked.class);
        assertThat(result.messages()).extracting(Message::text).containsExactly("Product Widget is out of stock");
        assertThat(queries.count(orders, Filter.all())).isZero();
        assertThat(queries.count(items, Filter.all())).isZero();
        assertThat(queries.count(log, Filter.all())).isZero();
    }

    @Test
    void a_good_order_is_saved_with_its_items_and_a_post_action_reads_them_as_stored() {
        var result = submit(Map.of("ref", "A-2", "items", List.of(Map.of("product", bolt, "qty", 2), Map.of("product", widget, "qty", 3))));

        assertThat(result).as("%s", result).isInstanceOf(ActionResult.Done.class);
        long order = ((ActionResult.Done) result).records().getFirst().id();
        var saved = rows(order);
        assertThat(saved).extracting(r -> r.get("qty")).containsExactly(2L, 3L);
        assertThat(saved).allSatisfy(r -> assertThat(r.get("parent_order")).isEqualTo(order));
        assertThat(queries.find(log, all()).getFirst().get("entry")).isEqualTo("A-2: 2 first, " + saved.get(1).id() + " second");
    }

    @Test
    void an_update_changes_adds_and_removes_rows_and_a_bad_row_refuses_the_whole_write() {
        long order = ((ActionResult.Done) submit(Map.of("ref", "A-3", "items",
                List.of(Map.of("product", bolt, "qty", 1), Map.of("product", bolt, "qty", 2))))).records().getFirst().id();
        var before = rows(order);

        var changed = dispatcher.dispatch(new ActionRequest(orders, Action.UPDATE, List.of(order), Map.of("items", List.of(
                Map.of("id", before.get(0).id(), "qty", 4), Map.of("product", widget, "qty", 1))), List.of(), "admin", "admin",
                ActionSource.API, null));

        assertThat(changed).as("%s", changed).isInstanceOf(ActionResult.Done.class);
        var after = rows(order);
        assertThat(after).extracting(StoredRecord::id).contains(before.get(0).id()).doesNotContain(before.get(1).id());
        assertThat(after).extracting(r -> r.get("qty")).containsExactly(4L, 1L);

        // a row that does not hold: refused on that row, nothing of the order changed
        var refused = dispatcher.dispatch(new ActionRequest(orders, Action.UPDATE, List.of(order), Map.of("ref", "A-3b", "items",
                List.of(Map.of("product", bolt, "qty", 0))), List.of(), "admin", "admin", ActionSource.API, null));
        assertThat(refused).isInstanceOf(ActionResult.Invalid.class);
        assertThat(((ActionResult.Invalid) refused).errors()).extracting(e -> e.field()).containsExactly("items[0].qty");
        assertThat(rows(order)).hasSize(2);
        assertThat(queries.get(orders, order).orElseThrow().get("ref")).isEqualTo("A-3");
    }

    @Test
    void rows_are_records_of_their_collection_and_need_its_permissions() {
        String clerk = roles.create("clerk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 6), "Clerk").id();
        permissions.save(clerk, orders, Grant.FULL);
        permissions.save(clerk, items, Grant.READ_ONLY);

        var refused = dispatcher.dispatch(new ActionRequest(orders, Action.CREATE, List.of(), Map.of("ref", "B-1", "items",
                List.of(Map.of("product", bolt, "qty", 1))), List.of(), "admin", clerk, ActionSource.API, null));

        assertThat(refused).isInstanceOf(ActionResult.Forbidden.class);
        assertThat(queries.count(orders, Filter.all())).isZero();
    }

    // --- helpers

    private ActionResult submit(Map<String, Object> values) {
        return dispatcher.dispatch(new ActionRequest(orders, Action.CREATE, List.of(), values,
                List.of(new WorkflowBinding(stockCheck.key(), null), new WorkflowBinding(countItems.key(), null)), "admin", "admin",
                ActionSource.UI, null));
    }

    private List<StoredRecord> rows(long order) {
        return queries.children(orders, order, "items", io.actionflow.collections.Visibility.ALL);
    }

    private static RecordQuery all() {
        return new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 100);
    }

    private WorkflowDefinition workflow(String title, TriggerType type, Map<String, Object> trigger, boolean synchronous, List<NodeDef> nodes) {
        var workflow = workflows.create(new WorkflowDraft(title + " " + UUID.randomUUID().toString().substring(0, 6), null, type, trigger,
                synchronous, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(nodes));
        return workflows.enable(workflow.id());
    }
}
