package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.workflow.WebhookProof;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhook triggers over real HTTP: a signed call starts its workflow; a bad signature, an old timestamp, a user's token,
 * a replayed delivery, an oversized or broken body and an unknown address are refused with JSON and start nothing.
 */
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "admin")
abstract class WebhooksContract {

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserService users;

    @Autowired
    org.jooq.DSLContext dsl;

    ApiClient api;
    String log;
    String admin;
    String member;

    @BeforeEach
    void model() {
        api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        log = "hooklog_" + suffix;
        collections.create(new CollectionDraft(log, "Hook log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        admin = tokens.create("admin", "hooks " + suffix).secret();
        String name = "hookmember" + suffix;
        users.create(new UserDraft(name, "Member", null, "member-password-1", Set.of(Role.MEMBER_ID)));
        member = tokens.create(name, "member").secret();
    }

    /** A webhook workflow made over the API as an admin would: created, its secret made, enabled. */
    private record Hook(String key, String path, String secret) {
    }

    private Hook hook(Map<String, Object> trigger, boolean synchronous, List<Map<String, Object>> nodes) throws Exception {
        var created = api.post("/api/workflows:create", admin, Map.of("title", "Hook " + UUID.randomUUID(), "triggerType", "WEBHOOK",
                "triggerConfig", trigger, "synchronous", synchronous, "nodes", nodes));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String key = (String) created.data().get("key");
        // no secret yet: nobody could call it, so it is not enabled
        var early = api.post("/api/workflows:enable?filterByTk=" + key, admin, null);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.error()).contains("Make the webhook’s secret first");
        // a member may not make (or see) a secret
        assertThat(api.post("/api/workflows:webhookSecret?filterByTk=" + key, member, null).status()).isEqualTo(403);
        var secret = api.post("/api/workflows:webhookSecret?filterByTk=" + key, admin, null);
        assertThat(secret.status()).isEqualTo(200);
        String url = (String) secret.data().get("url");
        assertThat(url).startsWith("http://localhost:" + port + "/api/webhooks/");
        assertThat(api.post("/api/workflows:enable?filterByTk=" + key, admin, null).status()).isEqualTo(200);
        return new Hook(key, url.substring(url.indexOf("/api/")), (String) secret.data().get("secret"));
    }

    private Map<String, Object> logNode(String entry) {
        return Map.of("key", "log", "type", "create", "config", Map.of("collection", log, "values", Map.of("entry", entry)));
    }

    private ApiClient.Answer signed(Hook hook, String body, long timestamp, Map<String, String> extra) throws Exception {
        return api.send("POST", hook.path(), null, body, signedHeaders(hook, "POST", null, body, timestamp, extra));
    }

    /** The headers of a signed call: its timestamp, delivery id (a new one unless given) and signature. */
    private static Map<String, String> signedHeaders(Hook hook, String method, String query, String body, long timestamp,
            Map<String, String> extra) {
        var headers = new LinkedHashMap<String, String>(extra);
        headers.putIfAbsent("X-Actionflow-Delivery", "d-" + UUID.randomUUID());
        headers.put("X-Actionflow-Timestamp", String.valueOf(timestamp));
        headers.put("X-Actionflow-Signature", "sha256=" + WebhookProof.sign(hook.secret(), String.valueOf(timestamp),
                headers.get("X-Actionflow-Delivery"), method, query, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private int executions(Hook hook) {
        return dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("af_execution")),
                org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("wf_key")).eq(hook.key()));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private List<String> entries() {
        return queries.find(log, RecordQuery.firstPage(500)).stream().map(r -> String.valueOf(r.values().get("entry"))).toList();
    }

    @Test
    void a_signed_call_starts_the_workflow_with_its_body_and_chosen_headers_and_a_redelivery_starts_nothing() throws Exception {
        var hook = hook(Map.of("auth", "hmac", "headers", List.of("X-Shop")), false,
                List.of(logNode("{{$context.body.invoice}} {{$context.headers.x-shop}} {{$context.deliveryId}}")));
        String body = "{\"invoice\": 42, \"paid\": true}";

        var first = signed(hook, body, now(), Map.of("X-Shop", "north", "X-Actionflow-Delivery", "d-1", "X-Secret-Stuff", "no"));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Object executionId = first.data().get("executionId");
        assertThat(executionId).isNotNull();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entries().size() == 1);
        assertThat(entries()).containsExactly("42 north d-1");

        // the same delivery again (the sender did not see the answer): the first answer, nothing started
        var again = signed(hook, body, now(), Map.of("X-Shop", "north", "X-Actionflow-Delivery", "d-1"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.data().get("executionId")).isEqualTo(executionId);
        assertThat(executions(hook)).isEqualTo(1);
        // the same id for another body: the sender reused an id, refused rather than answered as the first
        var reused = signed(hook, "{\"invoice\": 43}", now(), Map.of("X-Actionflow-Delivery", "d-1"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(executions(hook)).isEqualTo(1);
        assertThat(dsl.select(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("source"), String.class))
                .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("af_execution")))
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("wf_key")).eq(hook.key())).fetchOne(0, String.class)).isEqualTo("WEBHOOK");
    }

    /** A body that names a key twice is refused; a huge number stays a number; a secret put in the address is not kept. */
    @Test
    void a_body_is_read_strictly_and_a_secret_in_the_address_is_left_out_of_the_context() throws Exception {
        var hook = hook(Map.of("auth", "hmac"), false, List.of(logNode("{{$context.body.total}} {{$context.query}}")));

        var twice = signed(hook, "{\"total\": 1, \"total\": 2}", now(), Map.of());
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(executions(hook)).isZero();

        String query = "token=s3cr3t&ref=A-7&Access_Token=x";
        String body = "{\"total\": 1e400}";
        var answer = api.send("POST", hook.path() + "?" + query, null, body, signedHeaders(hook, "POST", query, body, now(), Map.of()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entries().size() == 1);
        assertThat(entries().getFirst()).isEqualTo("1E+400 {ref=A-7}").doesNotContain("Infinity");
    }

    @Test
    void bad_signatures_old_timestamps_user_tokens_and_unknown_addresses_are_refused_with_json_and_start_nothing() throws Exception {
        var hook = hook(Map.of(), false, List.of(logNode("ran")));
        String body = "{\"a\": 1}";
        var wrongSecret = new Hook(hook.key(), hook.path(), "not-the-secret");
        var refusals = new LinkedHashMap<String, ApiClient.Answer>();
        refusals.put("bad signature", signed(wrongSecret, body, now(), Map.of()));
        refusals.put("old timestamp", signed(hook, body, now() - 600, Map.of()));
        refusals.put("timestamp ahead", signed(hook, body, now() + 600, Map.of()));
        refusals.put("no signature", api.send("POST", hook.path(), null, body, Map.of()));
        // an admin's API token is no key to a webhook
        refusals.put("user token", api.send("POST", hook.path(), admin, body, Map.of()));
        // a signature over another body
        var other = signed(hook, "{\"a\": 2}", now(), Map.of());
        assertThat(other.status()).isEqualTo(202);
        for (var refusal : refusals.entrySet()) {
            assertThat(refusal.getValue().status()).as(refusal.getKey()).isEqualTo(401);
            assertThat(refusal.getValue().contentType()).as(refusal.getKey()).startsWith("application/json");
            assertThat(refusal.getValue().error()).as(refusal.getKey()).isNotBlank();
        }
        assertThat(api.send("POST", "/api/webhooks/nothere", null, body, Map.of()).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/webhooks/nothere", null, body, Map.of()).error()).contains("No webhook answers");
        assertThat(api.send("GET", hook.path(), null, null, Map.of()).status()).isEqualTo(405);
        String big = "{\"a\": \"" + "x".repeat(300_000) + "\"}";
        var tooBig = signed(hook, big, now(), Map.of());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.error()).contains("larger than");
        var notJson = signed(hook, "{not json", now(), Map.of());
        assertThat(notJson.status()).isEqualTo(400);
        var form = api.typed("POST", hook.path(), null, "a=1", "application/x-www-form-urlencoded",
                signedHeaders(hook, "POST", null, "a=1", now(), Map.of()));
        // a signed call caught on the way: another query, or no delivery id, and it is refused
        var caught = signedHeaders(hook, "POST", null, body, now(), Map.of());
        assertThat(api.send("POST", hook.path() + "?amount=999999", null, body, caught).status()).isEqualTo(401);
        var unnamed = new LinkedHashMap<>(caught);
        unnamed.remove("X-Actionflow-Delivery");
        assertThat(api.send("POST", hook.path(), null, body, unnamed).status()).isEqualTo(400);
        assertThat(form.status()).isEqualTo(415);
        var badDelivery = signed(hook, body, now(), Map.of("X-Actionflow-Delivery", " "));
        assertThat(badDelivery.status()).isEqualTo(400);
        // only the one good call ran
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entries().size() == 1);
        assertThat(entries()).containsExactly("ran");
        assertThat(executions(hook)).isEqualTo(1);

        // a new secret: the old one stops working at once
        var renewed = api.post("/api/workflows:webhookSecret?filterByTk=" + hook.key(), admin, null);
        assertThat(signed(hook, body, now(), Map.of()).status()).isEqualTo(401);
        var fresh = new Hook(hook.key(), hook.path(), (String) renewed.data().get("secret"));
        assertThat(signed(fresh, body, now(), Map.of()).status()).isEqualTo(202);
    }


    @Test
    void a_synchronous_webhook_answers_what_its_response_node_sets_and_a_bearer_secret_may_sign_it_in() throws Exception {
        var hook = hook(Map.of("auth", "bearer", "methods", List.of("POST", "GET")), true, List.of(logNode("sync {{$context.query.ref}}"),
                Map.of("key", "answer", "type", "webhook-response", "config",
                        Map.of("code", 201, "body", Map.of("received", "{{$context.body.invoice}}", "ref", "{{$context.query.ref}}")))));
        var answer = api.send("POST", hook.path() + "?ref=A7", null, "{\"invoice\": 42}", Map.of("Authorization", "Bearer " + hook.secret()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json()).containsEntry("received", 42).containsEntry("ref", "A7");
        assertThat(entries()).containsExactly("sync A7");
        var get = api.send("GET", hook.path() + "?ref=B8", null, null, Map.of("Authorization", "Bearer " + hook.secret()));
        assertThat(get.status()).isEqualTo(201);
        assertThat(get.json()).containsEntry("ref", "B8");
        assertThat(api.send("POST", hook.path(), null, "{}", Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(entries()).containsExactlyInAnyOrder("sync A7", "sync B8");
    }

    @Test
    void signed_calls_beyond_the_rate_are_refused_with_429_and_unsigned_ones_do_not_use_it_up() throws Exception {
        // one call a second, two at once: ten signed calls in a row cannot all fit unless they took eight seconds
        var hook = hook(Map.of("rate", 1), false, List.of(logNode("ran")));
        for (int i = 0; i < 50; i++) {
            assertThat(api.send("POST", hook.path(), null, "{}", Map.of()).status()).isEqualTo(401);
        }
        int limited = 0;
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            var answer = signed(hook, "{}", now(), Map.of());
            if (answer.status() == 429) {
                limited++;
                assertThat(answer.error()).contains("Too many calls");
            } else {
                assertThat(answer.status()).isEqualTo(202);
                accepted++;
            }
        }
        assertThat(accepted).as("the fifty unsigned calls used none of the allowance").isGreaterThanOrEqualTo(2);
        assertThat(limited).isPositive();
        int ran = accepted;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entries().size() == ran);
        assertThat(executions(hook)).isEqualTo(ran);
    }

    @Test
    void a_header_with_control_bytes_and_a_body_that_is_not_utf8_are_refused_with_400_not_a_server_error() throws Exception {
        var hook = hook(Map.of(), false, List.of(logNode("ran")));
        var odd = raw("POST " + hook.path() + " HTTP/1.1\r\nHost: localhost\r\nX-Odd: \u0085\u0090\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}", new byte[0]);
        assertThat(odd).startsWith("HTTP/1.1 400").contains("application/json").doesNotContain("Something went wrong");
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String timestamp = String.valueOf(now());
        String signature = WebhookProof.sign(hook.secret(), timestamp, "bytes-1", "POST", null, body);
        var notUtf8 = raw("POST " + hook.path() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Actionflow-Timestamp: " + timestamp + "\r\nX-Actionflow-Delivery: bytes-1\r\nX-Actionflow-Signature: sha256="
                + signature + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertThat(notUtf8).startsWith("HTTP/1.1 400").contains("not valid JSON");
        assertThat(executions(hook)).isZero();
    }

    /** A request written byte for byte (what Java's HTTP client refuses to send), and the whole answer. */
    private String raw(String head, byte[] body) throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
