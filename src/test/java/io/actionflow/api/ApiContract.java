package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** The HTTP API over real HTTP (issue 8): every action, every kind of answer, tokens and roles, on each database. */
@WithMockUser(username = "admin", roles = "admin")
abstract class ApiContract {

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserService users;

    String orders;
    String customers;
    String log;
    String admin;
    String clerk;
    String clerkName;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        customers = "customers_" + suffix;
        orders = "orders_" + suffix;
        log = "log_" + suffix;
        collections.create(new CollectionDraft(customers, "Customers", null, null));
        collections.addField(customers, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code").withRequired(true)));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(orders, FieldDraft.relation("customer", customers, "orders", FieldSettings.titled("Customer")));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        admin = tokens.create("admin", "tests " + suffix).secret();
        clerkName = "clerk" + suffix;
        users.create(new UserDraft(clerkName, "Clerk", null, "clerk-password-1", Set.of(Role.MEMBER_ID)));
        clerk = tokens.create(clerkName, "clerk").secret();
    }

    // --- values

    /** A decimal written out in the body keeps every digit: it was read as a double, and 23 digits became 17 without a word. */
    @Test
    void a_decimal_in_the_body_keeps_every_digit() throws Exception {
        String prices = "prices_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(prices, "Prices", null, null));
        collections.addField(prices, FieldDraft.of("price", FieldType.DECIMAL, FieldSettings.titled("Price")));

        var created = raw("POST", "/api/" + prices + ":create", admin, "{\"price\": 1234567890123.1234567891}");

        assertThat(created.status()).isEqualTo(200);
        long id = ((Number) created.data().get("id")).longValue();
        assertThat(new java.math.BigDecimal(String.valueOf(queries.get(prices, id).orElseThrow().get("price"))))
                .isEqualByComparingTo("1234567890123.1234567891");
    }

    // --- authentication

    @Test
    void sign_in_gives_a_token_and_calls_without_a_valid_one_are_refused_with_401() throws Exception {
        var signedIn = post("/api/auth:signIn", null, Map.of("account", clerkName, "password", "clerk-password-1"));
        assertThat(signedIn.status()).isEqualTo(200);
        String token = (String) signedIn.data().get("token");
        assertThat(token).startsWith("af_");
        assertThat(get("/api/" + orders + ":list", token).status()).isEqualTo(200);

        var wrong = post("/api/auth:signIn", null, Map.of("account", clerkName, "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).contains("Wrong account or password");
        assertThat(get("/api/" + orders + ":list", null).status()).isEqualTo(401);
        var forged = get("/api/" + orders + ":list", "af_forged");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.error()).contains("unknown, revoked or expired");
        assertThat(send("GET", "/api/" + orders + ":list?token=" + token, null, null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void wrong_passwords_over_the_api_count_towards_the_same_lockout_as_the_login_page() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/auth:signIn", null, Map.of("account", clerkName, "password", "wrong")).status()).isEqualTo(401);
        }
        assertThat(post("/api/auth:signIn", null, Map.of("account", clerkName, "password", "clerk-password-1")).status()).isEqualTo(401);
        assertThat(users.findByUsername(clerkName).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void tokens_follow_their_account_a_disabled_one_loses_them_and_a_locked_one_is_refused_while_locked() throws Exception {
        assertThat(get("/api/" + orders + ":list", clerk).status()).isEqualTo(200);
        long id = users.findByUsername(clerkName).orElseThrow().id();
        users.setEnabled(id, false);
        assertThat(get("/api/" + orders + ":list", clerk).status()).isEqualTo(401);
        users.setEnabled(id, true);
        assertThat(get("/api/" + orders + ":list", clerk).status()).isEqualTo(401);
        assertThat(tokens.list(clerkName)).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());

        var fresh = tokens.create(clerkName, "after re-enabling").secret();
        assertThat(get("/api/" + orders + ":list", fresh).status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/auth:signIn", null, Map.of("account", clerkName, "password", "wrong")).status()).isEqualTo(401);
        }
        assertThat(get("/api/" + orders + ":list", fresh).status()).isEqualTo(401);
        users.resetPassword(id, "clerk-password-2");
        assertThat(get("/api/" + orders + ":list", fresh).status()).isEqualTo(200);
    }

    @Test
    void personal_tokens_show_their_last_use_and_stop_working_once_revoked() throws Exception {
        var issued = tokens.create(clerkName, "nightly import");
        assertThat(tokens.list(clerkName)).filteredOn(t -> t.id() == issued.token().id()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNull());

        assertThat(get("/api/" + orders + ":list", issued.secret()).status()).isEqualTo(200);
        assertThat(tokens.list(clerkName)).filteredOn(t -> t.id() == issued.token().id()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());

        tokens.revoke(issued.token().id());
        assertThat(get("/api/" + orders + ":list", issued.secret()).status()).isEqualTo(401);
    }

    @Test
    void x_role_picks_one_of_the_users_roles_and_refuses_others() throws Exception {
        assertThat(send("GET", "/api/" + orders + ":list", admin, null, Map.of("X-Role", "member")).status()).isEqualTo(200);
        var refused = send("GET", "/api/" + orders + ":list", clerk, null, Map.of("X-Role", "admin"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("The role admin is not one of yours.");
    }

    @Test
    void the_operator_and_role_of_a_call_are_in_the_workflow_context_as_for_a_click() throws Exception {
        var post = workflow(TriggerType.POST_ACTION, Map.of("collection", orders), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values",
                        Map.of("entry", "{{$context.user.username}} as {{$context.role}}"))));

        assertThat(post("/api/" + orders + ":create?triggerWorkflows=" + post.key(), admin, Map.of("code", "R-1"),
                Map.of("X-Role", "member")).status()).isEqualTo(200);

        assertThat(entries(log)).containsExactly("admin as member");
    }

    // --- record actions

    @Test
    void create_get_list_update_and_destroy_answer_with_data_and_meta() throws Exception {
        var created = post("/api/" + orders + ":create", clerk, Map.of("code", "A-1", "amount", 5));
        assertThat(created.status()).isEqualTo(200);
        long id = ((Number) created.data().get("id")).longValue();
        assertThat(created.data()).containsEntry("code", "A-1").containsEntry("amount", 5);
        for (int i = 2; i <= 4; i++) {
            post("/api/" + orders + ":create", clerk, Map.of("code", "A-" + i, "amount", i * 10));
        }

        assertThat(get("/api/" + orders + ":get?filterByTk=" + id, clerk).data()).containsEntry("code", "A-1");
        var page = get("/api/" + orders + ":list?pageSize=2&page=2&sort=-amount", clerk);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.list()).extracting(r -> r.get("code")).containsExactly("A-2", "A-1");
        assertThat(page.meta()).containsEntry("count", 4).containsEntry("page", 2).containsEntry("pageSize", 2);
        var filtered = get("/api/" + orders + ":list?filter=" + encode("{\"amount\": {\"$gte\": 30}, \"code\": {\"$includes\": \"A-\"}}"), clerk);
        assertThat(filtered.list()).extracting(r -> r.get("code")).containsExactly("A-3", "A-4");

        var updated = post("/api/" + orders + ":update?filterByTk=" + id, clerk, Map.of("amount", 7));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data()).containsEntry("amount", 7).containsEntry("code", "A-1");

        var destroyed = post("/api/" + orders + ":destroy?filterByTk[]=" + id, clerk, null);
        assertThat(destroyed.status()).isEqualTo(200);
        assertThat(get("/api/" + orders + ":get?filterByTk=" + id, clerk).status()).isEqualTo(404);
        assertThat(queries.count(orders, Filter.all())).isEqualTo(3);
    }

    @Test
    void a_create_with_a_nested_to_one_value_creates_both_and_appends_load_it_back() throws Exception {
        var created = post("/api/" + orders + ":create", clerk, Map.of("code", "N-1", "customer", Map.of("name", "Ada")));

        assertThat(created.status()).isEqualTo(200);
        long id = ((Number) created.data().get("id")).longValue();
        var got = get("/api/" + orders + ":get?filterByTk=" + id + "&appends=customer", clerk);
        @SuppressWarnings("unchecked")
        var customer = (Map<String, Object>) got.data().get("customer");
        assertThat(customer).containsEntry("name", "Ada");
    }

    @Test
    void bad_calls_get_4xx_with_a_message_and_change_nothing() throws Exception {
        var created = post("/api/" + orders + ":create", clerk, Map.of("code", "B-1"));
        long id = ((Number) created.data().get("id")).longValue();

        assertThat(get("/api/nothing_here:list", clerk)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("There is no collection nothing_here.");
        });
        assertThat(get("/api/" + orders + ":get?filterByTk=999999", clerk).status()).isEqualTo(404);
        assertThat(get("/api/" + orders + ":explode", clerk).status()).isEqualTo(404);
        assertThat(get("/api/" + orders + ":create", clerk).status()).isEqualTo(405);
        assertThat(raw("POST", "/api/" + orders + ":create", clerk, "{\"code\": ")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).startsWith("The body is not valid JSON");
        });
        assertThat(raw("POST", "/api/" + orders + ":create", clerk, "[1, 2]").status()).isEqualTo(400);
        var typed = post("/api/" + orders + ":create", clerk, Map.of("code", "B-2", "amount", "many"));
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.errors()).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "amount"));
        assertThat(post("/api/" + orders + ":update?filterByTk=abc", clerk, Map.of("amount", 1)).status()).isEqualTo(400);
        assertThat(post("/api/" + orders + ":update", clerk, Map.of("amount", 1)).status()).isEqualTo(400);
        assertThat(post("/api/" + orders + ":create?triggerWorkflows=no_such_key", clerk, Map.of("code", "B-3")).error())
                .isEqualTo("There is no enabled workflow with the key no_such_key.");
        var custom = workflow(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("calc", "calculation", Map.of("expression", "1")));
        var incompatible = post("/api/" + orders + ":create?triggerWorkflows=" + custom.key(), clerk, Map.of("code", "B-4"));
        assertThat(incompatible.status()).isEqualTo(400);
        assertThat(incompatible.error()).contains(custom.title()).contains("creating a record");

        assertThat(get("/api/users:list", clerk).status()).isEqualTo(403);
        assertThat(post("/api/users:create", clerk, Map.of("username", "x")).status()).isEqualTo(403);

        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
        assertThat(queries.get(orders, id)).isPresent();
    }

    // --- workflows through the API

    @Test
    void a_blocking_pre_action_answers_400_with_its_message_and_a_stop_answers_200_with_messages() throws Exception {
        var block = workflow(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("say", "response-message", Map.of("message", "Codes start with X.")),
                NodeDef.of("stop", "end", Map.of("status", "fail")));
        var stop = workflow(TriggerType.PRE_ACTION, Map.of("collection", orders), true,
                NodeDef.of("say", "response-message", Map.of("message", "Already there.")),
                NodeDef.of("stop", "end", Map.of("status", "success")));

        var blocked = post("/api/" + orders + ":create?triggerWorkflows=" + block.key(), clerk, Map.of("code", "P-1"));
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json()).isEqualTo(Map.of("errors", List.of(Map.of("message", "Codes start with X."))));
        var stopped = post("/api/" + orders + ":create?triggerWorkflows=" + stop.key(), clerk, Map.of("code", "P-2"));
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json()).isEqualTo(Map.of("messages", List.of(Map.of("message", "Already there."))));
        assertThat(queries.count(orders, Filter.all())).isZero();
    }

    @Test
    void post_actions_run_synchronously_in_the_call_and_asynchronously_after_it() throws Exception {
        var sync = workflow(TriggerType.POST_ACTION, Map.of("collection", orders), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "sync {{$context.data.code}}"))));
        var async = workflow(TriggerType.POST_ACTION, Map.of("collection", orders), false,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "async {{$context.data.code}}"))));

        var created = post("/api/" + orders + ":create?triggerWorkflows=" + sync.key() + "," + async.key(), clerk, Map.of("code", "S-1"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(entries(log)).contains("sync S-1");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entries(log).contains("async S-1"));
    }

    @Test
    void custom_actions_run_on_one_record_on_several_and_on_none() throws Exception {
        long first = ((Number) post("/api/" + orders + ":create", clerk, Map.of("code", "C-1")).data().get("id")).longValue();
        long second = ((Number) post("/api/" + orders + ":create", clerk, Map.of("code", "C-2")).data().get("id")).longValue();
        var single = workflow(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "one {{$context.data.code}} {{$context.data.amount}}"))));
        var multiple = workflow(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "multiple"), true,
                NodeDef.of("each", "loop", Map.of("target", "{{$context.data}}")).withBranch("body", List.of(
                        NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "many {{$scopes.each.item.code}}"))))));
        var none = workflow(TriggerType.CUSTOM_ACTION, Map.of("contextType", "none", "roles", List.of(Role.MEMBER_ID)), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "none {{$context.data.reason}}"))));
        var adminsOnly = workflow(TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "admins {{$context.data.reason}}"))));

        assertThat(post("/api/" + orders + ":trigger/" + first + "?triggerWorkflows=" + single.key(), clerk, Map.of("amount", 9))
                .status()).isEqualTo(200);
        assertThat(post("/api/" + orders + ":trigger?filterByTk[]=" + first + "&filterByTk[]=" + second + "&triggerWorkflows="
                + multiple.key(), clerk, null).status()).isEqualTo(200);
        assertThat(post("/api/workflows:trigger?triggerWorkflows=" + none.key(), clerk, Map.of("reason", "nightly")).status())
                .isEqualTo(200);
        assertThat(post("/api/" + orders + ":trigger?triggerWorkflows=" + multiple.key(), clerk, null).status()).isEqualTo(400);
        // a workflow on no record that names no role is the admins' alone
        var refused = post("/api/workflows:trigger?triggerWorkflows=" + adminsOnly.key(), clerk, Map.of("reason", "sneaky"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().toString()).contains("You may not run");

        assertThat(entries(log)).containsExactly("one C-1 9", "many C-1", "many C-2", "none nightly");
    }

    @Test
    void an_association_path_runs_the_post_action_for_the_associated_record() throws Exception {
        var post = workflow(TriggerType.POST_ACTION, Map.of("collection", customers), true,
                NodeDef.of("note", "create", Map.of("collection", log, "values", Map.of("entry", "customer {{$context.data.name}}"))));

        var created = post("/api/" + orders + ":create?triggerWorkflows=" + post.key() + "!customer", clerk,
                Map.of("code", "AP-1", "customer", Map.of("name", "Grace")));

        assertThat(created.status()).isEqualTo(200);
        assertThat(entries(log)).containsExactly("customer Grace");
    }

    @Test
    void a_call_held_for_approval_answers_202() throws Exception {
        var approval = workflows.create(new WorkflowDraft("Approve " + orders, null, TriggerType.APPROVAL,
                Map.of("collection", orders), false, 0));
        workflows.updateGraph(approval.id(), new WorkflowGraph(List.of(NodeDef.of("ask", "approval", Map.of("approvers", List.of("admin"))))));
        workflows.enable(approval.id());

        var held = post("/api/" + orders + ":create?triggerWorkflows=" + approval.key(), clerk, Map.of("code", "H-1"));

        assertThat(held.status()).isEqualTo(202);
        assertThat(held.data()).containsKey("approvals");
        assertThat(held.json().get("messages")).isEqualTo(List.of(Map.of("message", "Submitted for approval.")));
        assertThat(queries.count(orders, Filter.all())).isZero();
    }

    @Test
    void a_repeated_idempotency_key_returns_the_first_answer_and_runs_nothing_again() throws Exception {
        String key = UUID.randomUUID().toString();
        var first = post("/api/" + orders + ":create", clerk, Map.of("code", "I-1"), Map.of("Idempotency-Key", key));
        var again = post("/api/" + orders + ":create", clerk, Map.of("code", "I-1"), Map.of("Idempotency-Key", key));

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
        assertThat(post("/api/" + orders + ":create", clerk, Map.of("code", "I-2"), Map.of("Idempotency-Key", key)).status())
                .isEqualTo(422);
        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
    }

    @Test
    void a_create_takes_the_rows_of_a_one_to_many_field_and_an_update_replaces_them() throws Exception {
        String lines = "lines_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        collections.create(new CollectionDraft(lines, "Lines", null, null));
        collections.addField(lines, FieldDraft.relation("parent_order", orders, "lines", FieldSettings.titled("Order")));
        collections.addField(lines, FieldDraft.of("qty", FieldType.INTEGER, FieldSettings.titled("Quantity")));

        var created = post("/api/" + orders + ":create", admin, Map.of("code", "A-1", "lines", List.of(Map.of("qty", 2), Map.of("qty", 3))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long id = ((Number) created.data().get("id")).longValue();
        var read = get("/api/" + orders + ":get?filterByTk=" + id + "&appends=lines", admin);
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) read.data().get("lines");
        assertThat(rows).extracting(r -> r.get("qty")).containsExactly(2, 3);

        var updated = post("/api/" + orders + ":update?filterByTk=" + id, admin, Map.of("lines",
                List.of(Map.of("id", rows.getFirst().get("id"), "qty", 5))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var after = (List<Map<String, Object>>) get("/api/" + orders + ":get?filterByTk=" + id + "&appends=lines", admin).data().get("lines");
        assertThat(after).extracting(r -> r.get("qty")).containsExactly(5);

        var bad = post("/api/" + orders + ":create", admin, Map.of("code", "A-2", "lines", List.of(Map.of("qty", "many"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).extracting(e -> e.get("field")).containsExactly("lines[0].qty");
        assertThat(post("/api/" + orders + ":create", admin, Map.of("code", "A-3", "lines", "nope")).status()).isEqualTo(400);
    }

    // --- helpers

    private WorkflowDefinition workflow(TriggerType type, Map<String, Object> trigger, boolean synchronous, NodeDef... nodes) {
        var workflow = workflows.create(new WorkflowDraft(type + " " + UUID.randomUUID().toString().substring(0, 6), null,
                type, trigger, synchronous, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
        return workflows.enable(workflow.id());
    }

    private List<String> entries(String collection) {
        return queries.find(collection, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 100)).stream()
                .map(StoredRecord::values).map(v -> String.valueOf(v.get("entry"))).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ApiClient client() {
        return new ApiClient(port);
    }

    ApiClient.Answer get(String path, String token) throws Exception {
        return client().get(path, token);
    }

    ApiClient.Answer post(String path, String token, Object body) throws Exception {
        return client().post(path, token, body);
    }

    ApiClient.Answer post(String path, String token, Object body, Map<String, String> headers) throws Exception {
        return client().post(path, token, body, headers);
    }

    ApiClient.Answer raw(String method, String path, String token, String body) throws Exception {
        return client().raw(method, path, token, body);
    }

    ApiClient.Answer send(String method, String path, String token, String body, Map<String, String> headers) throws Exception {
        return client().send(method, path, token, body, headers);
    }
}
