package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every way a call can reach a record or start a workflow (direct, {@code filterByTk[]}, {@code !association},
 * {@code workflows:trigger}, a body {@code id}; updates and creates with a value in five shapes), for roles whose
 * scope is none, their own records, a filter or all, on records inside and outside that scope (issue 26). Each
 * outcome is compared with a model of the grant and with what a click with the same rights gets (the same request from
 * the UI, run in a transaction that is rolled back); after it, nothing beyond the grant has changed. It prints how many
 * cases it tried.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class BypassMatrixContract {

    /** What a value sent for {@code amount} reads as: above the approval's 500, nothing, or no number at all. */
    enum Shape {
        NUMBER(600, Reads.ABOVE), NUMERIC_STRING("600", Reads.ABOVE), PADDED(" 6e2 ", Reads.ABOVE), BLANK(" ", Reads.NOTHING),
        WRONG_TYPE("six hundred", Reads.UNREADABLE);

        final Object value;
        final Reads reads;

        Shape(Object value, Reads reads) {
            this.value = value;
            this.reads = reads;
        }

        enum Reads { ABOVE, NOTHING, UNREADABLE }
    }

    /** How a role may reach the records of both collections. */
    enum Reach { NONE, OWN, FILTER, ALL, ALL_WITHOUT_CUSTOM_ACTIONS }

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    Permissions permissions;

    @Autowired
    Roles roles;

    @Autowired
    UserService users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    PlatformTransactionManager transactions;

    private String items;
    private String tags;
    private long admin;
    private final Map<Reach, Caller> callers = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    /** A role of the matrix: its user's name, id and token. */
    private record Caller(Reach reach, String role, String username, long userId, String token) {
    }

    /** A record of items for one caller: inside or outside their scope, and its tag inside or outside the tags' scope. */
    private record Target(String label, long item, boolean itemVisible, long tag, boolean tagVisible) {
    }

    @Test
    void every_path_to_a_record_or_a_workflow_gives_what_a_click_with_the_same_rights_gets() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin = users.findByUsername("admin").orElseThrow().id();
        items = "mx_items_" + s;
        tags = "mx_tags_" + s;
        collections.create(new CollectionDraft(tags, "Tags", null, "label"));
        collections.addField(tags, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
        collections.create(new CollectionDraft(items, "Items", null, "name"));
        collections.addField(items, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(items, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(items, FieldDraft.relation("tag", tags, null, FieldSettings.titled("Tag")));
        for (Reach reach : Reach.values()) {
            String role = "mx" + reach.ordinal() + "_" + s;
            roles.create(role, "Matrix " + reach + " " + s);
            permissions.save(role, items, grant(reach, "{\"amount\": {\"$lt\": 500}}"));
            permissions.save(role, tags, grant(reach, "{\"label\": {\"$includes\": \"open\"}}"));
            String username = "mx" + reach.ordinal() + s;
            long id = users.create(new UserDraft(username, "Matrix " + reach, null, "long-enough-1", Set.of(role))).id();
            callers.put(reach, new Caller(reach, role, username, id, tokens.create(username, "matrix").secret()));
        }
        var stampItem = workflow("Stamp item", Map.of("collection", items, "contextType", "single"),
                NodeDef.of("stamp", "update", Map.of("collection", items, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("name", "stamped"))));
        var stampMany = workflow("Stamp items", Map.of("collection", items, "contextType", "multiple"),
                NodeDef.of("each", "loop", Map.of("target", "{{$context.data}}")).withBranch("body", List.of(
                        NodeDef.of("stamp", "update", Map.of("collection", items, "filter", List.of(Map.of("field", "id",
                                "value", "{{$scopes.each.item.id}}")), "values", Map.of("name", "stamped"))))));
        var stampTag = workflow("Stamp tag", Map.of("collection", tags, "contextType", "single"),
                NodeDef.of("stamp", "update", Map.of("collection", tags, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("label", "stamped open"))));
        // an approver of the test's own: the requests it holds are nobody else's to-dos
        String approver = "mxapprover" + s;
        users.create(new UserDraft(approver, "Matrix approver", null, "long-enough-1", Set.of(callers.get(Reach.ALL).role())));
        var approve = workflows.create(new WorkflowDraft("Approve above 500 " + s, null, TriggerType.APPROVAL,
                Map.of("collection", items, "mode", "beforeSave", "condition", "$context.data.amount > 500", "global", true,
                        "actions", List.of("create", "update")), false, 0));
        workflows.updateGraph(approve.id(), new WorkflowGraph(List.of(
                new NodeDef("ask", "approval", "Ask", Map.of("approvers", List.of(approver)), Map.of()))));
        workflows.enable(approve.id());

        for (Caller caller : callers.values()) {
            for (Target target : targets(caller)) {
                trigger(caller, target, "direct", Action.TRIGGER, List.of(target.item()), stampItem, null, Map.of(),
                        "/api/" + items + ":trigger/" + target.item() + "?triggerWorkflows=" + stampItem.key(),
                        mayTrigger(caller) && target.itemVisible());
                trigger(caller, target, "filterByTk[]", Action.TRIGGER, List.of(target.item()), stampMany, null, Map.of(),
                        "/api/" + items + ":trigger?filterByTk[]=" + target.item() + "&triggerWorkflows=" + stampMany.key(),
                        mayTrigger(caller) && target.itemVisible());
                trigger(caller, target, "!association", Action.TRIGGER, List.of(target.item()), stampTag, "tag", Map.of(),
                        "/api/" + items + ":trigger/" + target.item() + "?triggerWorkflows=" + stampTag.key() + "!tag",
                        mayTrigger(caller) && target.itemVisible() && target.tagVisible());
                trigger(caller, target, "workflows:trigger", Action.TRIGGER, List.of(target.item()), stampItem, null, Map.of(),
                        "/api/workflows:trigger?filterByTk=" + target.item() + "&triggerWorkflows=" + stampItem.key(),
                        mayTrigger(caller) && target.itemVisible());
                long own = own(caller);
                trigger(caller, target, "body id", Action.TRIGGER, List.of(own), stampItem, null, Map.of("id", target.item()),
                        "/api/" + items + ":trigger/" + own + "?triggerWorkflows=" + stampItem.key(), false);
                for (Shape shape : Shape.values()) {
                    update(caller, target, shape);
                }
            }
            for (Shape shape : Shape.values()) {
                create(caller, shape);
            }
        }
        System.out.printf("BypassMatrix: %d cases tried (%d roles, five paths and five value shapes), %d failed%n",
                cases, callers.size(), failures.size());
        assertThat(failures).as("%d cases", cases).isEmpty();
    }

    private static Grant grant(Reach reach, String filter) {
        Scope scope = switch (reach) {
            case OWN -> Scope.OWN;
            case FILTER -> new Scope.Where(filter);
            default -> Scope.ALL;
        };
        return switch (reach) {
            case NONE -> Grant.NONE;
            case ALL_WITHOUT_CUSTOM_ACTIONS -> new Grant(true, true, true, true, false, scope, scope, scope, null, null, null);
            default -> new Grant(true, true, true, true, true, scope, scope, scope, null, null, null);
        };
    }

    private static boolean mayTrigger(Caller caller) {
        return caller.reach() != Reach.NONE && caller.reach() != Reach.ALL_WITHOUT_CUSTOM_ACTIONS;
    }

    private static boolean mayWrite(Caller caller) {
        return caller.reach() != Reach.NONE;
    }

    /** Records inside and outside the caller's scope, with tags inside and outside the tags' scope. */
    private List<Target> targets(Caller caller) {
        var targets = new ArrayList<Target>();
        for (boolean itemIn : List.of(true, false)) {
            for (boolean tagIn : List.of(true, false)) {
                long tag = records.create(tags, Map.of("label", tagIn ? "open tag" : "closed tag"), tagIn ? caller.userId() : admin).id();
                long item = records.create(items, Map.of("name", "item", "amount", itemIn ? 10 : 900, "tag", tag),
                        itemIn ? caller.userId() : admin).id();
                boolean all = caller.reach() == Reach.ALL || caller.reach() == Reach.ALL_WITHOUT_CUSTOM_ACTIONS;
                targets.add(new Target((itemIn ? "item in" : "item out") + ", " + (tagIn ? "tag in" : "tag out"), item,
                        caller.reach() != Reach.NONE && (all || itemIn), tag, caller.reach() != Reach.NONE && (all || tagIn)));
            }
        }
        return targets;
    }

    /** A record of the caller's own, inside every scope but none: what a body id would try to swap away from. */
    private long own(Caller caller) {
        return records.create(items, Map.of("name", "own", "amount", 10), caller.userId()).id();
    }

    private void trigger(Caller caller, Target target, String path, Action action, List<Long> ids, WorkflowDefinition workflow,
            String association, Map<String, Object> body, String address, boolean allowed) throws Exception {
        String item = name(target.item());
        String tag = label(target.tag());
        int click = click(caller, action, ids, workflow, association, body);
        int call = new ApiClient(port).post(address, caller.token(), body.isEmpty() ? null : body).status();
        int expected = allowed ? 200 : path.equals("body id") && mayTrigger(caller) ? 400 : mayTrigger(caller) ? 404 : 403;
        check(caller, target, path, "", expected, call, click, allowed);
        boolean stampedItem = "stamped".equals(name(target.item()));
        boolean stampedTag = "stamped open".equals(label(target.tag()));
        boolean itemShouldChange = allowed && !path.equals("!association");
        boolean tagShouldChange = allowed && path.equals("!association");
        if (stampedItem != itemShouldChange || stampedTag != tagShouldChange) {
            failures.add(describe(caller, target, path, "") + ": item " + item + " → " + name(target.item()) + ", tag " + tag
                    + " → " + label(target.tag()));
        }
        records.update(items, target.item(), Map.of("name", item));
        records.update(tags, target.tag(), Map.of("label", tag));
    }

    private void update(Caller caller, Target target, Shape shape) throws Exception {
        Object before = queries.get(items, target.item()).orElseThrow().get("amount");
        var values = new HashMap<String, Object>();
        values.put("amount", shape.value);
        int click = click(caller, Action.UPDATE, List.of(target.item()), null, null, values);
        int call = new ApiClient(port).post("/api/" + items + ":update?filterByTk=" + target.item(), caller.token(), values).status();
        boolean reaches = mayWrite(caller) && target.itemVisible();
        int expected = !mayWrite(caller) ? 403 : !reaches ? 404 : switch (shape.reads) {
            case ABOVE -> 202;
            case NOTHING -> 200;
            case UNREADABLE -> 400;
        };
        check(caller, target, "update", shape.name(), expected, call, click, reaches);
        Object after = queries.get(items, target.item()).orElseThrow().get("amount");
        boolean changed = !java.util.Objects.equals(before, after);
        if (changed != (expected == 200)) {
            failures.add(describe(caller, target, "update", shape.name()) + ": amount " + before + " → " + after);
        }
        var restore = new HashMap<String, Object>();
        restore.put("amount", before);
        records.update(items, target.item(), restore);
    }

    private void create(Caller caller, Shape shape) throws Exception {
        long count = queries.count(items, io.actionflow.collections.Filter.all());
        var values = new HashMap<String, Object>();
        values.put("name", "created");
        values.put("amount", shape.value);
        int click = click(caller, Action.CREATE, List.of(), null, null, values);
        int call = new ApiClient(port).post("/api/" + items + ":create", caller.token(), values).status();
        int expected = !mayWrite(caller) ? 403 : switch (shape.reads) {
            case ABOVE -> 202;
            case NOTHING -> 200;
            case UNREADABLE -> 400;
        };
        var none = new Target("new record", 0, false, 0, false);
        check(caller, none, "create", shape.name(), expected, call, click, expected == 200);
        long added = queries.count(items, io.actionflow.collections.Filter.all()) - count;
        if (added != (expected == 200 ? 1 : 0)) {
            failures.add(describe(caller, none, "create", shape.name()) + ": " + added + " records added");
        }
    }

    private void check(Caller caller, Target target, String path, String shape, int expected, int call, int click, boolean allowed) {
        cases++;
        if (call != expected || click != expected) {
            failures.add(describe(caller, target, path, shape) + ": expected " + expected + ", the call got " + call
                    + ", the click got " + click);
        }
    }

    private static String describe(Caller caller, Target target, String path, String shape) {
        return caller.reach() + " / " + path + (shape.isEmpty() ? "" : " " + shape) + " / " + target.label();
    }

    /** What a click with the caller's rights gets for this request, run in a transaction that is then rolled back. */
    private int click(Caller caller, Action action, List<Long> ids, WorkflowDefinition workflow, String association,
            Map<String, Object> values) {
        var bindings = workflow == null ? List.<WorkflowBinding>of() : List.of(new WorkflowBinding(workflow.key(), association));
        var request = new ActionRequest(items, action, ids, values, bindings, caller.username(), caller.role(), ActionSource.UI, null);
        var result = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return dispatcher.dispatch(request);
        });
        return switch (result) {
            case ActionResult.Done done -> 200;
            case ActionResult.Stopped stopped -> 200;
            case ActionResult.Held held -> 202;
            case ActionResult.Blocked blocked -> 400;
            case ActionResult.Invalid invalid -> 400;
            case ActionResult.Forbidden forbidden -> 403;
            case ActionResult.NotFound missing -> 404;
            case null -> 500;
        };
    }

    private String name(long id) {
        return String.valueOf(queries.get(items, id).orElseThrow().get("name"));
    }

    private String label(long id) {
        return String.valueOf(queries.get(tags, id).orElseThrow().get("label"));
    }

    private WorkflowDefinition workflow(String title, Map<String, Object> trigger, NodeDef... nodes) {
        var workflow = workflows.create(new WorkflowDraft(title + " " + UUID.randomUUID().toString().substring(0, 6), null,
                TriggerType.CUSTOM_ACTION, trigger, true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
        return workflows.enable(workflow.id());
    }
}
