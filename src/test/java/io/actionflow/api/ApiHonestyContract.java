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
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.ApiTokens;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Data is never code, and every answer is honest (issue 15): each finding of that issue replayed over real HTTP, on
 * each database.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class ApiHonestyContract {

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
    ApiTokens tokens;

    String orders;
    String customers;
    String log;
    String token;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        customers = "customers_" + suffix;
        orders = "orders_" + suffix;
        log = "log_" + suffix;
        collections.create(new CollectionDraft(customers, "Customers", null, "name"));
        collections.addField(customers, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(customers, FieldDraft.of("level", FieldType.TEXT, FieldSettings.titled("Level")));
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(orders, FieldDraft.relation("customer", customers, "orders", FieldSettings.titled("Customer")));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        token = tokens.create("admin", "honesty " + suffix).secret();
    }

    // 1. submitted data becomes expression source

    @Test
    void submitted_values_are_values_in_conditions_and_calculations() throws Exception {
        globalPreAction(new NodeDef("admin", "condition", null, Map.of("mode", "branch",
                "expression", "'{{$context.data.code}}' == 'admin'"), Map.of())
                .withBranch("yes", List.of(NodeDef.of("say", "response-message", Map.of("message", "No admin orders")),
                        NodeDef.of("stop", "end", Map.of("status", "fail"))))
                .withBranch("no", List.of()));
        workflow(TriggerType.POST_ACTION, Map.of("collection", orders, "global", true, "actions", List.of("create")), true,
                NodeDef.of("double", "calculation", Map.of("expression", "{{$context.data.amount}} * 2")),
                NodeDef.of("write", "create", Map.of("collection", log, "values", Map.of("entry", "{{$jobsMapByNodeKey.double}}"))));

        var injected = create(Map.of("code", "' == '' or 'a", "amount", 21));
        assertThat(injected.status()).as(injected.body()).isEqualTo(200);
        assertThat(entries()).containsExactly("42");
        var admin = create(Map.of("code", "admin", "amount", 1));
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.error()).isEqualTo("No admin orders");
        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
    }

    // 2. a member can overflow the server's stack

    @Test
    void deeply_nested_data_is_a_value_and_deeply_nested_or_self_referring_expressions_are_refused_at_save() throws Exception {
        globalPreAction(NodeDef.of("check", "condition", Map.of("mode", "continue",
                "expression", "{{$context.data.code}} != 'blocked'")));
        String nested = "(".repeat(900) + "1" + ")".repeat(900);
        var created = create(Map.of("code", nested));
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        int before = workflows.list().size();
        for (Map<String, Object> document : List.of(
                approvalWorkflow(Map.of("collection", orders, "mode", "beforeSave", "condition", nested)),
                collectionEvent(nested),
                calculation("#root"),
                calculation("#this"))) {
            var refused = client().post("/api/workflows:create", token, document);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("StackOverflow").doesNotContain("java.");
        }
        assertThat(workflows.list()).hasSize(before);
    }

    // 3. a field the request leaves out fails the whole action

    @Test
    void a_value_the_request_leaves_out_reads_as_empty() throws Exception {
        globalPreAction(new NodeDef("flag", "condition", null, Map.of("mode", "branch",
                "expression", "$context.data.code == 'stop' or $context.data.customer?.name == 'x'"), Map.of())
                .withBranch("yes", List.of(NodeDef.of("stop", "end", Map.of("status", "fail"))))
                .withBranch("no", List.of()));

        var created = create(Map.of("code", "A-1"));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        // the rule itself refuses (a field the collection lacks is refused before any rule, and at Enable)
        assertThat(create(Map.of("code", "stop")).status()).isEqualTo(400);
    }

    // 4. expressions can assign

    @Test
    void an_expression_that_assigns_is_refused_when_saved() throws Exception {
        int before = workflows.list().size();
        var refused = client().post("/api/workflows:create", token, calculation("$context['role'] = 'admin'"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("may only read");
        assertThat(workflows.list()).hasSize(before);
    }

    // 5. the token parameter with a form-encoded body loses the body

    @Test
    void a_body_is_json_whatever_its_declared_type_and_anything_else_is_refused_not_lost() throws Exception {
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var form = client().typed("POST", "/api/" + orders + ":create" + query, null, "{\"code\":\"x\"}",
                "application/x-www-form-urlencoded", Map.of());
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.data()).containsEntry("code", "x");

        var notJson = client().typed("POST", "/api/" + orders + ":create" + query, null, "code=y&amount=2",
                "application/x-www-form-urlencoded", Map.of());
        assertThat(notJson.status()).isEqualTo(415);
        long id = ((Number) form.data().get("id")).longValue();
        var update = client().typed("POST", "/api/" + orders + ":update" + query + "&filterByTk=" + id, null, "code=z",
                "application/x-www-form-urlencoded", Map.of());
        assertThat(update.status()).isEqualTo(415);
        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
        assertThat(queries.get(orders, id).orElseThrow().values()).containsEntry("code", "x");
        assertThat(client().typed("POST", "/api/" + orders + ":update" + query + "&filterByTk=" + id, null, "{\"code\":\"w\"}",
                "text/plain", Map.of()).status()).isEqualTo(200);
        assertThat(queries.get(orders, id).orElseThrow().values()).containsEntry("code", "w");
        // the same address spelled with an escaped letter is the same address: its body is still there to be read
        var escaped = client().typed("POST", "/%61pi/" + orders + ":create" + query, null, "{\"code\":\"e\"}",
                "application/x-www-form-urlencoded", Map.of());
        assertThat(escaped.status()).as(escaped.body()).isEqualTo(200);
        assertThat(escaped.data()).containsEntry("code", "e");
    }

    // found later: an Accept header that leaves JSON out got YAML written by another mapper (dates as numbers), or a
    // 415 that blamed the body

    @Test
    void the_api_answers_json_and_an_accept_header_without_it_is_refused_as_such() throws Exception {
        var created = create(Map.of("code", "accept", "amount", 3));
        long id = ((Number) created.data().get("id")).longValue();
        String get = "/api/" + orders + ":get?filterByTk=" + id;
        for (String accept : List.of("application/yaml", "application/x-yaml", "application/xml", "text/xml", "application/cbor",
                "text/html")) {
            var refused = client().send("GET", get, token, null, Map.of("Accept", accept));
            assertThat(refused.status()).as(accept).isEqualTo(406);
            assertThat(refused.contentType()).as(accept).startsWith("application/json");
            assertThat(refused.error()).as(accept).isEqualTo("This address answers in JSON: accept application/json.");
        }
        for (String accept : List.of("*/*", "application/json", "application/*", "application/yaml;q=1, application/json;q=0.5",
                "text/html, */*;q=0.8")) {
            var answer = client().send("GET", get, token, null, Map.of("Accept", accept));
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.contentType()).as(accept).startsWith("application/json");
            assertThat(answer.data()).as(accept).containsEntry("code", "accept");
            assertThat(answer.data().get("createdAt")).as(accept).isInstanceOf(String.class);
        }
        var write = client().send("POST", "/api/" + orders + ":create", token, "{\"code\":\"yaml\"}", Map.of("Accept", "application/yaml"));
        assertThat(write.status()).isEqualTo(406);
        assertThat(write.error()).isEqualTo("This address answers in JSON: accept application/json.");
        assertThat(queries.count(orders, Filter.all())).as("the refused create wrote nothing").isEqualTo(1);
        // the same address spelled with an escaped letter is the same address
        var escaped = client().send("POST", "/%61pi/" + orders + ":create", token, "{\"code\":\"escaped\"}",
                Map.of("Accept", "application/xml"));
        assertThat(escaped.status()).isEqualTo(406);
        assertThat(queries.count(orders, Filter.all())).as("the refused create wrote nothing").isEqualTo(1);
    }

    // 6. unmapped API addresses answer 200 with the application's HTML

    @Test
    void every_address_under_api_that_nothing_serves_answers_404_json() throws Exception {
        for (String[] call : new String[][] {{"POST", "/api/workflows/1/nodes:create"}, {"GET", "/api/posts/1/comments:list"},
                {"GET", "/api/"}, {"DELETE", "/api/a/b/c"}, {"GET", "/api/" + orders + "/list"}}) {
            var answer = client().raw(call[0], call[1], token, null);
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.error()).startsWith("Nothing answers at");
        }
        assertThat(client().raw("PUT", "/api/" + orders + ":create", token, "{}").status()).isEqualTo(405);
    }

    // 7. answers name internals

    @Test
    void refusals_name_no_internals_and_are_json() throws Exception {
        var duplicate = client().raw("POST", "/api/" + orders + ":create", token, "{\"code\":\"a\",\"code\":\"b\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.error()).isEqualTo("The body names code twice; name each field once.");
        var nul = client().raw("POST", "/api/" + orders + ":create", token, "{\"code\":\"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.error()).contains("NUL");
        // the refusal names the value to fix
        assertThat(nul.errors()).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "code"));
        var broken = client().raw("POST", "/api/" + orders + ":create", token, "{\"code\": [1,");
        assertThat(broken.error()).isEqualTo("The body is not valid JSON: look at line 1, column 13.");
        var deep = client().raw("POST", "/api/" + orders + ":create", token, "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        assertThat(deep.status()).isEqualTo(400);
        var typed = client().post("/api/" + orders + ":create", token, Map.of("amount", Map.of("x", 1)));
        var missing = create(Map.of("code", "q"));
        var expression = client().post("/api/workflows:create", token, calculation("$context.data.x.y.z("));
        var longQuery = client().get("/api/" + orders + ":list?x=" + "a".repeat(70_000), token);
        assertThat(longQuery.status()).isEqualTo(400);
        assertThat(longQuery.contentType()).startsWith("application/json");
        for (var answer : List.of(duplicate, nul, broken, deep, typed, missing, expression, longQuery)) {
            assertThat(answer.body()).as(answer.body()).doesNotContainPattern(ApiFuzzTest.INTERNALS);
        }
    }

    // 8. a refused call leaves a side effect

    @Test
    void a_workflow_create_that_is_refused_keeps_nothing() throws Exception {
        int before = workflows.list().size();
        var unsafe = new java.util.LinkedHashMap<>(calculation("T(java.lang.Runtime).getRuntime()"));
        unsafe.put("enabled", true);
        assertThat(client().post("/api/workflows:create", token, unsafe).status()).isEqualTo(400);
        // saved fine, but it cannot be enabled (a Response message in an asynchronous workflow): not kept either
        var cannotEnable = new java.util.LinkedHashMap<String, Object>(Map.of("title", "Async message", "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", orders), "synchronous", false, "enabled", true,
                "nodes", List.of(Map.of("key", "say", "type", "response-message", "config", Map.of("message", "hi")))));
        var refused = client().post("/api/workflows:create", token, cannotEnable);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(workflows.list()).hasSize(before);
    }

    // 9. smaller findings

    @Test
    void a_single_record_custom_action_named_with_several_records_is_refused() throws Exception {
        var escalate = workflow(TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true,
                NodeDef.of("write", "create", Map.of("collection", log, "values", Map.of("entry", "{{$context.data.code}}"))));
        long a = records.create(orders, Map.of("code", "A")).id();
        long b = records.create(orders, Map.of("code", "B")).id();

        var both = client().post("/api/" + orders + ":trigger?filterByTk[]=" + a + "&filterByTk[]=" + b
                + "&triggerWorkflows=" + escalate.key(), token, Map.of());

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.error()).contains("runs on one record, and 2 were named");
        assertThat(entries()).isEmpty();
    }

    @Test
    void a_custom_action_runs_through_a_to_one_relation_and_a_path_that_is_none_is_refused_in_plain_words() throws Exception {
        long ann = records.create(customers, Map.of("name", "Ann")).id();
        long order = records.create(orders, Map.of("code", "O-1", "customer", ann)).id();
        var promote = workflow(TriggerType.CUSTOM_ACTION, Map.of("collection", customers, "contextType", "single"), true,
                NodeDef.of("write", "create", Map.of("collection", log, "values", Map.of("entry", "promote {{$context.data.name}}"))));

        var through = client().post("/api/" + orders + ":trigger/" + order + "?triggerWorkflows=" + promote.key() + "!customer",
                token, Map.of());
        assertThat(through.status()).as(through.body()).isEqualTo(200);
        assertThat(entries()).containsExactly("promote Ann");

        var wrong = client().post("/api/" + orders + ":trigger/" + order + "?triggerWorkflows=" + promote.key() + "!code",
                token, Map.of());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).contains("cannot run through code").doesNotContain("cannot run on a Trigger workflow");
    }

    @Test
    void appends_in_brackets_and_filters_through_a_relation_work_as_the_seeds_system_has_them() throws Exception {
        long ann = records.create(customers, Map.of("name", "Ann", "level", "gold")).id();
        long bo = records.create(customers, Map.of("name", "Bo", "level", "tin")).id();
        records.create(orders, Map.of("code", "O-1", "customer", ann));
        records.create(orders, Map.of("code", "O-2", "customer", bo));
        records.create(orders, Map.of("code", "O-3"));

        var appended = client().get("/api/" + orders + ":list?sort=code&appends[]=customer", token);
        assertThat(appended.status()).as(appended.body()).isEqualTo(200);
        assertThat(appended.list().getFirst().get("customer")).isInstanceOf(Map.class);

        var filtered = client().get("/api/" + orders + ":list?filter=" + encode("{\"customer.name\": {\"$eq\": \"Ann\"}}"), token);
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.list()).extracting(r -> r.get("code")).containsExactly("O-1");
        assertThat(filtered.meta()).containsEntry("count", 1);
        var nested = client().get("/api/" + orders + ":list?filter=" + encode("{\"customer\": {\"level\": {\"$ne\": \"gold\"}}}"), token);
        assertThat(nested.list()).extracting(r -> r.get("code")).containsExactly("O-2");
        var tooDeep = client().get("/api/" + orders + ":list?filter=" + encode("{\"customer.orders.code\": \"x\"}"), token);
        assertThat(tooDeep.status()).isEqualTo(400);
    }

    // issue 26: honest idempotency, bodies and query strings

    @Test
    void calls_racing_with_one_key_run_once_and_none_is_told_the_server_broke() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            String code = "R-" + round;
            var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
                var start = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 20; i++) {
                    pool.submit(() -> {
                        start.await();
                        statuses.add(client().post("/api/" + orders + ":create", token, Map.of("code", code),
                                Map.of("Idempotency-Key", key)).status());
                        return null;
                    });
                }
                start.countDown();
            }
            // the first to claim the key runs; the others get its answer, or are told it is still running
            assertThat(statuses).as("round %d", round).hasSize(20).allMatch(status -> status == 200 || status == 409).contains(200);
            var again = client().post("/api/" + orders + ":create", token, Map.of("code", code), Map.of("Idempotency-Key", key));
            assertThat(again.status()).isEqualTo(200);
        }
        assertThat(queries.count(orders, Filter.all())).isEqualTo(5);
    }

    @Test
    void a_refused_call_leaves_its_key_for_the_corrected_one_and_a_key_is_per_user_and_role() throws Exception {
        String key = UUID.randomUUID().toString();
        var refused = client().post("/api/" + orders + ":create", token, Map.of("code", "K-1", "amount", "many"),
                Map.of("Idempotency-Key", key));
        assertThat(refused.status()).isEqualTo(400);
        var corrected = client().post("/api/" + orders + ":create", token, Map.of("code", "K-1", "amount", 3),
                Map.of("Idempotency-Key", key));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        // the admin acting as a member is another caller for the same key
        var asMember = client().post("/api/" + orders + ":create", token, Map.of("code", "K-1", "amount", 3),
                Map.of("Idempotency-Key", key, "X-Role", "member"));
        assertThat(asMember.status()).as(asMember.body()).isIn(200, 403);
        assertThat(asMember.body()).doesNotContain("Idempotency");
    }

    @Test
    void bodies_we_cannot_read_are_refused_and_nothing_is_written() throws Exception {
        var multipart = client().typed("POST", "/api/" + orders + ":create", token, "{\"code\": \"M-1\"}",
                "multipart/form-data; boundary=x", Map.of());
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(415);
        for (String empty : List.of("", "null", "{}", "  ")) {
            var refused = client().raw("POST", "/api/" + orders + ":create", token, empty);
            assertThat(refused.status()).as("'%s': %s", empty, refused.body()).isEqualTo(400);
            assertThat(refused.error()).contains("Send the values of the record to create");
        }
        // a multipart type without a usable body is refused as such, not as a server fault, signed in or not
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed")) {
            var broken = client().typed("POST", "/api/" + orders + ":create", token, "{\"code\": \"M-2\"}", type, Map.of());
            assertThat(broken.status()).as("%s: %s", type, broken.body()).isEqualTo(415);
            var signIn = client().typed("POST", "/api/auth:signIn", null, "{\"account\": \"x\", \"password\": \"y\"}", type, Map.of());
            assertThat(signIn.status()).as("%s: %s", type, signIn.body()).isEqualTo(415);
        }
        // JSON in a type we do not read it as is refused; in the types simple clients send it as, read
        var xml = client().typed("POST", "/api/" + orders + ":create", token, "{\"code\": \"X-1\"}", "application/xml", Map.of());
        assertThat(xml.status()).as(xml.body()).isEqualTo(415);
        var plain = client().typed("POST", "/api/" + orders + ":create", token, "{\"code\": \"P-1\"}", "text/plain", Map.of());
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        var curl = client().typed("POST", "/api/" + orders + ":create", token, "{\"code\": \"P-2\"}",
                "application/x-www-form-urlencoded", Map.of());
        assertThat(curl.status()).as(curl.body()).isEqualTo(200);
        assertThat(queries.count(orders, Filter.all())).isEqualTo(2);
        for (var record : queries.find(orders, RecordQuery.firstPage(10))) {
            records.delete(orders, record.id());
        }
        var surrogate = client().raw("POST", "/api/" + orders + ":create", token, "{\"code\": \"\\ud800\"}");
        assertThat(surrogate.status()).as(surrogate.body()).isEqualTo(400);
        // "/" written as the overlong two bytes C0 AF: not UTF-8, and never to be read as "/"
        var overlong = new java.io.ByteArrayOutputStream();
        overlong.writeBytes("{\"code\": \"a".getBytes(StandardCharsets.US_ASCII));
        overlong.write(0xC0);
        overlong.write(0xAF);
        overlong.writeBytes("b\"}".getBytes(StandardCharsets.US_ASCII));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/" + orders + ":create"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(overlong.toByteArray())).build();
        var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("UTF-8");
        assertThat(queries.count(orders, Filter.all())).isZero();
    }

    @Test
    void a_query_string_that_cannot_be_read_is_refused_not_dropped() throws Exception {
        client().post("/api/" + orders + ":create", token, Map.of("code", "Q-1"));
        // an address no client library would send: written on the socket as an attacker would
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/" + orders + ":list?filter=%zz HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("filter=%zz").doesNotContain("Q-1");
        }
        // escapes that are not UTF-8 are refused, not read as replacement characters
        var notUtf8 = client().get("/api/" + orders + ":list?filter=" + "%7B%22code%22%3A%22a%C0%AFb%22%7D", token);
        assertThat(notUtf8.status()).as(notUtf8.body()).isEqualTo(400);
        assertThat(client().get("/api/" + orders + ":list?filter=" + encode("{\"code\": \"\uFFFD\"}"), token).status()).isEqualTo(200);
        var many = new StringBuilder("/api/" + orders + ":list?");
        for (int i = 0; i <= 1000; i++) {
            many.append("p").append(i).append("=1&");
        }
        var tooMany = client().get(many.toString(), token);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.error()).contains("at most 1000");
    }

    // --- helpers

    private ApiClient.Answer create(Map<String, Object> values) throws Exception {
        return client().post("/api/" + orders + ":create", token, values);
    }

    private void globalPreAction(NodeDef... nodes) {
        workflow(TriggerType.PRE_ACTION, Map.of("collection", orders, "global", true, "actions", List.of("create")), true, nodes);
    }

    private WorkflowDefinition workflow(TriggerType type, Map<String, Object> trigger, boolean synchronous, NodeDef... nodes) {
        var workflow = workflows.create(new WorkflowDraft(type + " " + UUID.randomUUID().toString().substring(0, 6), null,
                type, trigger, synchronous, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
        return workflows.enable(workflow.id());
    }

    private Map<String, Object> calculation(String expression) {
        return Map.of("title", "Calc " + UUID.randomUUID().toString().substring(0, 6), "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", orders), "synchronous", true,
                "nodes", List.of(Map.of("key", "calc", "type", "calculation", "config", Map.of("expression", expression))));
    }

    private Map<String, Object> approvalWorkflow(Map<String, Object> trigger) {
        return Map.of("title", "Approve " + UUID.randomUUID().toString().substring(0, 6), "triggerType", "APPROVAL",
                "triggerConfig", trigger, "synchronous", false, "nodes", List.of());
    }

    private Map<String, Object> collectionEvent(String condition) {
        return Map.of("title", "Watch " + UUID.randomUUID().toString().substring(0, 6), "triggerType", "COLLECTION",
                "triggerConfig", Map.of("collection", orders, "on", List.of("created"), "condition", condition),
                "synchronous", false, "nodes", List.of());
    }

    private List<String> entries() {
        return queries.find(log, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 100)).stream()
                .map(StoredRecord::values).map(v -> String.valueOf(v.get("entry"))).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ApiClient client() {
        return new ApiClient(port);
    }
}
