package io.actionflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.English;
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
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.ExecutionQuery;
import io.actionflow.workflow.ExecutionSummary;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** What a click does with its workflows, on every database we run on (issue 6). Subclasses choose the database. */
@WithMockUser(username = "admin", roles = "admin")
abstract class DispatchContract {

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    io.actionflow.pages.PageService pagesService;

    @Autowired
    org.jooq.DSLContext dsl;

    String orders;
    String customers;
    String log;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        customers = "customers_" + suffix;
        orders = "orders_" + suffix;
        log = "log_" + suffix;
        collections.create(new CollectionDraft(customers, "Customers", null, null));
        collections.addField(customers, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(customers, FieldDraft.of("orders_seen", FieldType.INTEGER, FieldSettings.titled("Orders seen")));
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(orders, FieldDraft.relation("customer", customers, "orders", FieldSettings.titled("Customer")));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
    }

    @Test
    void a_blocking_pre_action_writes_nothing_and_shows_its_message() {
        var check = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "checked {{$context.data.code}}"))),
                new NodeDef("big", "condition", null, Map.of("expression", "$context.data.amount > 1000"), Map.of())
                        .withBranch("yes", List.of(NodeDef.of("say", "response-message", Map.of("message", "Too big: {{$context.data.amount}}")),
                                NodeDef.of("stop", "end", Map.of("status", "fail"))))
                        .withBranch("no", List.of()));

        var watcher = enabled(TriggerType.COLLECTION, Map.of("collection", orders, "on", List.of("created")), false,
                NodeDef.of("calc", "calculation", Map.of("expression", "1")));

        var blocked = dispatcher.dispatch(create(orders, Map.of("code", "A-1", "amount", 5000), check.key()));

        assertThat(blocked).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(blocked)).containsExactly("Too big: 5000");
        assertThat(count(orders)).isZero();
        assertThat(count(log)).as("the pre-action's own writes roll back too").isZero();
        assertThat(history(check)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED));
        assertThat(history(watcher)).as("no collection event: nothing was written").isEmpty();

        var done = dispatcher.dispatch(create(orders, Map.of("code", "A-2", "amount", 50), check.key()));
        assertThat(done).isInstanceOf(ActionResult.Done.class);
        assertThat(count(orders)).isEqualTo(1);
        assertThat(count(log)).isEqualTo(1);
    }

    @Test
    void end_success_in_a_pre_action_skips_the_action_with_its_message() {
        var shortcut = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("say", "response-message", Map.of("message", "Already handled")),
                NodeDef.of("done", "end", Map.of("status", "success")));

        var result = dispatcher.dispatch(create(orders, Map.of("code", "S-1"), shortcut.key()));

        assertThat(result).isInstanceOf(ActionResult.Stopped.class);
        assertThat(texts(result)).containsExactly("Already handled");
        assertThat(count(orders)).isZero();
    }

    @Test
    void updated_submitted_values_are_what_gets_written() {
        var normalise = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("fix", "update-submitted", Map.of("values", Map.of("code", "ORD-{{$context.data.code}}", "amount", 1))));

        var result = dispatcher.dispatch(create(orders, Map.of("code", "7", "amount", 99), normalise.key()));

        assertThat(((ActionResult.Done) result).records()).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("code", "ORD-7").containsEntry("amount", 1L));
    }

    @Test
    void a_failing_synchronous_post_action_rolls_the_record_back() {
        var after = enabled(TriggerType.POST_ACTION, Map.of("collection", orders), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "order {{$context.data.id}}"))),
                NodeDef.of("say", "response-message", Map.of("message", "Could not reserve stock")),
                NodeDef.of("stop", "end", Map.of("status", "fail")));

        var result = dispatcher.dispatch(create(orders, Map.of("code", "R-1"), after.key()));

        assertThat(result).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(result)).containsExactly("Could not reserve stock");
        assertThat(count(orders)).isZero();
        assertThat(count(log)).isZero();
    }

    @Test
    void asynchronous_post_actions_run_after_commit_in_configured_order_and_never_for_a_blocked_action() {
        var first = enabled(TriggerType.POST_ACTION, Map.of("collection", orders), false,
                NodeDef.of("wait", "delay", Map.of("duration", "1")),
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "first {{$context.data.code}}"))));
        var second = enabled(TriggerType.POST_ACTION, Map.of("collection", orders), false,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "second {{$context.data.code}}"))));
        var guard = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                new NodeDef("neg", "condition", null, Map.of("expression", "$context.data.amount < 0", "mode", "branch"), Map.of())
                        .withBranch("yes", List.of(NodeDef.of("stop", "end", Map.of("status", "fail"))))
                        .withBranch("no", List.of()));

        var done = dispatcher.dispatch(create(orders, Map.of("code", "Q-1", "amount", 1), guard.key(), first.key(), second.key()));
        var blocked = dispatcher.dispatch(create(orders, Map.of("code", "Q-2", "amount", -1), guard.key(), first.key(), second.key()));

        assertThat(done).isInstanceOf(ActionResult.Done.class);
        assertThat(blocked).isInstanceOf(ActionResult.Blocked.class);
        awaitCount(log, 2);
        // the first waited a second and still wrote first: the second started only when the first had ended
        assertThat(entries(log)).containsExactly("first Q-1", "second Q-1");
        assertThat(history(first)).hasSize(1);
        assertThat(history(second)).singleElement().satisfies(e -> {
            assertThat(e.origin().operator()).isEqualTo("admin");
            assertThat(e.origin().source()).isEqualTo("UI");
            assertThat(e.origin().recordIds()).hasSize(1);
        });
    }

    @Test
    void global_workflows_fire_without_bindings_for_the_actions_they_tick() {
        enabled(TriggerType.PRE_ACTION, Map.of("collection", orders, "global", true, "actions", List.of("destroy")), true,
                NodeDef.of("say", "response-message", Map.of("message", "Orders are never deleted")),
                NodeDef.of("stop", "end", Map.of("status", "fail")));
        enabled(TriggerType.POST_ACTION, Map.of("collection", orders, "global", true, "actions", List.of("create")), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "created {{$context.data.code}}"))));

        var created = (ActionResult.Done) dispatcher.dispatch(create(orders, Map.of("code", "G-1")));
        var delete = dispatcher.dispatch(request(orders, Action.DESTROY, List.of(created.records().getFirst().id()), Map.of()));

        assertThat(entries(log)).containsExactly("created G-1");
        assertThat(delete).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(delete)).containsExactly("Orders are never deleted");
        assertThat(count(orders)).isEqualTo(1);
    }

    @Test
    void an_association_path_binding_fires_for_the_associated_record() {
        long acme = records.create(customers, Map.of("name", "Acme", "orders_seen", 0)).id();
        var count = enabled(TriggerType.POST_ACTION, Map.of("collection", customers), true,
                NodeDef.of("next", "calculation", Map.of("expression", "$context.data.orders_seen + 1")),
                NodeDef.of("bump", "update", Map.of("collection", customers,
                        "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                        "values", Map.of("orders_seen", "{{$jobsMapByNodeKey.next}}"))));

        var request = new ActionRequest(orders, Action.CREATE, List.of(), Map.of("code", "P-1", "customer", acme),
                List.of(new WorkflowBinding(count.key(), "customer")), "admin", "admin", ActionSource.UI, null);
        // a workflow on customers, bound through the order's customer relation: the plan accepts it on orders
        var result = dispatcher.dispatch(request);

        assertThat(result).isInstanceOf(ActionResult.Done.class);
        assertThat(queries.get(customers, acme).orElseThrow().get("orders_seen")).isEqualTo(1L);
    }

    @Test
    void a_bulk_delete_gives_the_pre_action_the_array_of_ids() {
        long a = records.create(orders, Map.of("code", "D-1")).id();
        long b = records.create(orders, Map.of("code", "D-2")).id();
        var audit = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "ids {{$context.params.filterByTk}}"))));

        var result = dispatcher.dispatch(request(orders, Action.DESTROY, List.of(a, b), Map.of(), audit.key()));

        assertThat(result).isInstanceOf(ActionResult.Done.class);
        assertThat(count(orders)).isZero();
        assertThat(entries(log)).singleElement().asString().contains(String.valueOf(a)).contains(String.valueOf(b));
    }

    @Test
    void custom_actions_run_on_no_record_one_record_with_form_values_or_the_selection() {
        long one = records.create(orders, Map.of("code", "C-1", "amount", 3)).id();
        long two = records.create(orders, Map.of("code", "C-2", "amount", 4)).id();
        var single = enabled(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("say", "response-message", Map.of("message", "{{$context.data.code}} for {{$context.data.amount}}")));
        var multiple = enabled(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "multiple"), true,
                NodeDef.of("say", "response-message", Map.of("message", "{{$context.data.0.code}}, {{$context.data.1.code}}")));
        var none = enabled(TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true,
                NodeDef.of("say", "response-message", Map.of("message", "Hello {{$context.user.username}}")));

        assertThat(texts(dispatcher.dispatch(request(orders, Action.TRIGGER, List.of(one), Map.of("amount", 30), single.key()))))
                .containsExactly("C-1 for 30");
        assertThat(queries.get(orders, one).orElseThrow().get("amount")).as("form values are not saved").isEqualTo(3L);
        assertThat(texts(dispatcher.dispatch(request(orders, Action.TRIGGER, List.of(), Map.of("code", "NEW", "amount", 9), single.key()))))
                .as("in a create form: the form's values").containsExactly("NEW for 9");
        assertThat(dispatcher.dispatch(request(orders, Action.TRIGGER, List.of(), Map.of(), multiple.key())))
                .isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(dispatcher.dispatch(request(orders, Action.TRIGGER, List.of(one, two), Map.of(), multiple.key()))))
                .containsExactly("C-1, C-2");
        assertThat(texts(dispatcher.dispatch(request(null, Action.TRIGGER, List.of(), Map.of(), none.key()))))
                .containsExactly("Hello admin");
    }

    @Test
    void an_incompatible_binding_is_refused_and_a_disabled_one_is_skipped() {
        var custom = enabled(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("say", "response-message", Map.of("message", "hi")));
        var off = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("stop", "end", Map.of("status", "fail")));
        workflows.disable(off.id());

        var refused = dispatcher.dispatch(create(orders, Map.of("code", "I-1"), custom.key()));
        var done = dispatcher.dispatch(create(orders, Map.of("code", "I-2"), off.key()));

        assertThat(refused).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(refused)).containsExactly("The workflow " + custom.title() + " is a Custom action event and cannot run on creating a record.");
        assertThat(done).isInstanceOf(ActionResult.Done.class);
        assertThat(entries(orders, "code")).containsExactly("I-2");
    }

    @Test
    void collection_events_fire_for_any_change_including_workflow_writes_and_stop_at_the_stack_limit() {
        // every log entry written makes another one: a chain that only the stack limit stops (5 levels below the first)
        var echo = enabled(TriggerType.COLLECTION, Map.of("collection", log, "on", List.of("created")), true,
                NodeDef.of("again", "create", Map.of("collection", log, "values", Map.of("entry", "echo of {{$context.data.id}}"))));
        var onOrders = enabled(TriggerType.COLLECTION, Map.of("collection", orders, "on", List.of("updated"),
                "changedFields", List.of("amount"), "condition", "$context.data.amount > 100"), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "big {{$context.data.code}}"))));

        records.create(log, Map.of("entry", "first"));

        assertThat(count(log)).as("the first entry and one echo per depth from 0 to 5").isEqualTo(7);
        assertThat(history(echo)).extracting(ExecutionSummary::status).containsOnly(ExecutionStatus.RESOLVED, ExecutionStatus.ABORTED)
                .filteredOn(s -> s == ExecutionStatus.ABORTED).hasSize(1);
        assertThat(history(echo)).allSatisfy(e -> assertThat(e.origin().operator()).isNull());
        workflows.disable(echo.id());

        long order = records.create(orders, Map.of("code", "E-1", "amount", 5)).id();
        records.update(orders, order, Map.of("code", "E-2"));
        records.update(orders, order, Map.of("amount", 50));
        assertThat(history(onOrders)).isEmpty();
        // a click that changes the amount fires it, through the dispatcher like any change
        dispatcher.dispatch(request(orders, Action.UPDATE, List.of(order), Map.of("amount", 500)));
        assertThat(history(onOrders)).hasSize(1);
        assertThat(entries(log)).last().isEqualTo("big E-2");
    }

    @Test
    void a_failing_synchronous_collection_event_refuses_the_change() {
        enabled(TriggerType.COLLECTION, Map.of("collection", orders, "on", List.of("created")), true,
                NodeDef.of("say", "response-message", Map.of("message", "Orders are closed today")),
                NodeDef.of("stop", "end", Map.of("status", "fail")));

        var result = dispatcher.dispatch(create(orders, Map.of("code", "F-1")));

        assertThat(result).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(result)).containsExactly("Orders are closed today");
        assertThat(count(orders)).isZero();
    }

    @Test
    void a_database_failure_inside_a_workflow_blocks_the_action_and_keeps_its_history() {
        String broken = "broken_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(broken, "Broken", null, null));
        collections.addField(broken, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        // the table disappears behind the metamodel's back: writing to it fails in the database
        dsl.execute("drop table " + dsl.render(org.jooq.impl.DSL.name(collections.require(broken).tableName())));
        var after = enabled(TriggerType.POST_ACTION, Map.of("collection", orders), true,
                NodeDef.of("write", "create", Map.of("collection", broken, "values", Map.of("entry", "x"))));

        var result = dispatcher.dispatch(create(orders, Map.of("code", "B-1"), after.key()));

        assertThat(result).isInstanceOf(ActionResult.Blocked.class);
        assertThat(texts(result)).containsExactly("A workflow could not finish, and nothing was saved. An administrator can see why in its execution history.");
        assertThat(count(orders)).isZero();
        assertThat(history(after)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.ERROR));
    }

    @Test
    void bindings_are_stored_with_the_button_in_order_and_refused_when_the_button_cannot_run_them() {
        var page = pagesService.create(new io.actionflow.pages.PageDraft("Orders " + orders, null, null, 1,
                java.util.Set.of(io.actionflow.platform.Role.MEMBER_ID)));
        page = pagesService.addBlock(page.id(), new io.actionflow.pages.BlockDraft(io.actionflow.pages.BlockType.FORM, orders,
                null, 0, List.of("code"), io.actionflow.pages.FormMode.CREATE, 0, null));
        var submit = page.blocks().getFirst().buttons().stream()
                .filter(b -> b.kind() == io.actionflow.pages.ButtonKind.SUBMIT).findFirst().orElseThrow();
        var pre = enabled(TriggerType.PRE_ACTION, Map.of("collection", orders), true, NodeDef.of("calc", "calculation", Map.of("expression", "1")));
        var post = enabled(TriggerType.POST_ACTION, Map.of("collection", orders), false, NodeDef.of("calc", "calculation", Map.of("expression", "1")));
        var custom = enabled(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("calc", "calculation", Map.of("expression", "1")));

        var bound = pagesService.bind(submit.id(), List.of(new WorkflowBinding(post.key(), null), new WorkflowBinding(pre.key(), null)));

        assertThat(bound.blocks().getFirst().buttons().stream().filter(b -> b.id() == submit.id()).findFirst().orElseThrow().bindings())
                .extracting(WorkflowBinding::workflowKey).containsExactly(post.key(), pre.key());
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(io.actionflow.platform.ValidationException.class,
                () -> pagesService.bind(submit.id(), List.of(new WorkflowBinding(custom.key(), null))));
        assertThat(refused.errors()).singleElement().satisfies(e -> assertThat(English.of(new io.actionflow.platform.Text(e.messageKey(), e.args())))
                .isEqualTo("The workflow " + custom.title() + " is a Custom action event, which a Submit button cannot run."));
        assertThat(pagesService.open(page.slug()).blocks().getFirst().buttons().stream().filter(b -> b.id() == submit.id())
                .findFirst().orElseThrow().bindings()).hasSize(2);
    }

    private WorkflowDefinition enabled(TriggerType type, Map<String, Object> trigger, boolean synchronous, NodeDef... nodes) {
        var workflow = workflows.create(new WorkflowDraft(type + " " + UUID.randomUUID().toString().substring(0, 6), null,
                type, trigger, synchronous, 0));
        workflow = workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
        return workflows.enable(workflow.id());
    }

    private ActionRequest create(String collection, Map<String, Object> values, String... keys) {
        return request(collection, Action.CREATE, List.of(), values, keys);
    }

    private ActionRequest request(String collection, Action action, List<Long> ids, Map<String, Object> values, String... keys) {
        return new ActionRequest(collection, action, ids, values,
                java.util.Arrays.stream(keys).map(k -> new WorkflowBinding(k, null)).toList(), "admin", "admin", ActionSource.UI, null);
    }

    private List<String> texts(ActionResult result) {
        return result.messages().stream().map(m -> m.format((key, args) -> English.of(new io.actionflow.platform.Text(key, List.of(args))))).toList();
    }

    private long count(String collection) {
        return queries.count(collection, Filter.all());
    }

    private List<String> entries(String collection) {
        return entries(collection, "entry");
    }

    private List<String> entries(String collection, String field) {
        return queries.find(collection, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 100)).stream()
                .map(StoredRecord::values).map(v -> String.valueOf(v.get(field))).toList();
    }

    private List<ExecutionSummary> history(WorkflowDefinition workflow) {
        return workflows.executions(ExecutionQuery.of(workflow.key()), 0, 50);
    }

    private void awaitCount(String collection, long expected) {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(collection) >= expected);
    }
}
