package io.actionflow.workflow;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.platform.StrictJson;
import io.actionflow.platform.Text;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook triggers: another system starts a workflow by calling its address, {@code /api/webhooks/<hook>}. The call is
 * authenticated by the workflow's secret, never by a user: a signature ({@link #sign}) over the timestamp, delivery id,
 * method, query and body ({@code X-Actionflow-Signature: sha256=<hex>}, with {@code X-Actionflow-Timestamp} in seconds
 * and {@code X-Actionflow-Delivery}, refused outside the replay window), or the secret itself as a bearer token. A
 * delivery id makes a redelivery answer as the first delivery did, starting nothing, so a signed call runs once.
 * An asynchronous workflow is queued and answered 202 at once; a synchronous one runs within the call and answers what
 * its Webhook response node set. Calls per hook are limited per second on each instance
 * (the trigger's {@code rate}, else {@code actionflow.webhooks.rate-per-second}; twice as many at once).
 */
@Component
public class Webhooks {

    /** Limits of what a webhook takes. */
    @ConfigurationProperties("actionflow.webhooks")
    record Settings(@DefaultValue("262144") int maxBytes, @DefaultValue("5m") Duration replayWindow,
            @DefaultValue("50") int ratePerSecond) {
    }

    /**
     * What a webhook call brought: its method, headers (names in lower case), query (as sent, {@code rawQuery}, and
     * read) and body as received.
     */
    public record Call(String method, Map<String, String> headers, String rawQuery, Map<String, List<String>> query, byte[] body) {
    }

    /**
     * The answer to a call: a status and a JSON body, or a refusal (a status and a message to say in the caller's
     * language); {@code redelivered} when a delivery id was seen before.
     */
    public record Answer(int status, Object body, Text refusal, boolean redelivered) {

        static Answer refused(int status, String key, Object... args) {
            return new Answer(status, null, Text.of(key, args), false);
        }
    }

    /** A hook's address and, when just made, its secret (shown once, never again). */
    public record Hook(String workflowKey, String hookKey, String secret) {
    }

    static final String SOURCE = "WEBHOOK";
    static final String SIGNATURE = "x-actionflow-signature";
    static final String TIMESTAMP = "x-actionflow-timestamp";
    static final String DELIVERY = "x-actionflow-delivery";
    private static final Table<?> HOOKS = table(name("af_webhook"));
    private static final Field<String> WORKFLOW_KEY = field(name("workflow_key"), String.class);
    private static final Field<String> HOOK_KEY = field(name("hook_key"), String.class);
    private static final Field<String> SECRET = field(name("secret"), String.class);
    private static final Field<OffsetDateTime> CREATED = field(name("created_at"), OffsetDateTime.class);
    private static final Table<?> DELIVERIES = table(name("af_webhook_delivery"));
    private static final Field<String> DELIVERY_ID = field(name("delivery_id"), String.class);
    private static final Field<Long> EXECUTION_ID = field(name("execution_id"), Long.class);
    private static final Field<Integer> STATUS = field(name("status"), Integer.class);
    private static final Field<String> ANSWER = field(name("answer"), String.class);
    private static final Field<String> DIGEST = field(name("digest"), String.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final WorkflowDirectory directory;
    private final WorkflowRunner runner;
    private final TransactionTemplate transaction;
    private final WorkflowJson json;
    private final Clock clock;
    private final Settings settings;
    private final Map<String, RateBucket> buckets = new ConcurrentHashMap<>();

    Webhooks(DSLContext dsl, WorkflowDirectory directory, WorkflowRunner runner, TransactionTemplate transaction,
            WorkflowJson json, Clock clock, Settings settings) {
        this.dsl = dsl;
        this.directory = directory;
        this.runner = runner;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** The most a call's body may hold, in bytes. */
    public int maxBytes() {
        return settings.maxBytes();
    }

    /** The hook of workflow {@code key}, without its secret; null when none was made yet. */
    @PreAuthorize("hasRole('admin')")
    public Hook hook(String workflowKey) {
        var row = dsl.select(HOOK_KEY).from(HOOKS).where(WORKFLOW_KEY.eq(workflowKey)).fetchOne();
        return row == null ? null : new Hook(workflowKey, row.value1(), null);
    }

    /**
     * A new secret for workflow {@code key}'s hook (its address stays; made on first use): returned this once, and the
     * old secret stops working at once.
     */
    @PreAuthorize("hasRole('admin')")
    public Hook renew(String workflowKey) {
        String secret = random(32);
        return transaction.execute(status -> {
            var existing = dsl.select(HOOK_KEY).from(HOOKS).where(WORKFLOW_KEY.eq(workflowKey)).fetchOne(HOOK_KEY);
            if (existing == null) {
                String hookKey = random(18);
                dsl.insertInto(HOOKS).columns(WORKFLOW_KEY, HOOK_KEY, SECRET, CREATED)
                        .values(workflowKey, hookKey, secret, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).execute();
                return new Hook(workflowKey, hookKey, secret);
            }
            dsl.update(HOOKS).set(SECRET, secret).where(WORKFLOW_KEY.eq(workflowKey)).execute();
            return new Hook(workflowKey, existing, secret);
        });
    }

    /** Whether workflow {@code key} has a secret, so that its hook can be called. */
    boolean hasSecret(String workflowKey) {
        return dsl.fetchExists(HOOKS, WORKFLOW_KEY.eq(workflowKey));
    }

    /** Takes one call to hook {@code hookKey}: checks it, then starts the workflow, or says why not. */
    public Answer receive(String hookKey, Call call) {
        var row = hookKey == null || hookKey.length() > 64 ? null
                : dsl.select(WORKFLOW_KEY, SECRET).from(HOOKS).where(HOOK_KEY.eq(hookKey)).fetchOne();
        var workflow = row == null ? null : directory.enabled(row.value1())
                .filter(w -> w.type() == TriggerType.WEBHOOK).orElse(null);
        if (workflow == null) {
            return Answer.refused(404, "webhook.unknown");
        }
        var trigger = (TriggerConfig.Webhook) workflow.trigger();
        String method = call.method().toUpperCase(Locale.ROOT);
        if (!trigger.methods().contains(method)) {
            return Answer.refused(405, "webhook.method", method);
        }
        if (call.body().length > settings.maxBytes()) {
            return Answer.refused(413, "webhook.tooLarge", settings.maxBytes());
        }
        String delivery = call.headers().get(DELIVERY);
        if (delivery != null && (delivery.isBlank() || delivery.length() > 200 || !delivery.matches("[\\x21-\\x7e]+"))) {
            return Answer.refused(400, "webhook.delivery");
        }
        var refused = trigger.hmac() ? WebhookProof.signed(call, row.value2(), delivery, method, clock.instant(), settings.replayWindow())
                : WebhookProof.bearer(call, row.value2());
        if (refused != null) {
            return refused;
        }
        // counted once the caller proved the secret: a flood of unsigned calls cannot keep the sender's out
        int rate = trigger.rate() == null ? settings.ratePerSecond() : trigger.rate();
        if (!buckets.computeIfAbsent(hookKey + "/" + rate, k -> new RateBucket(rate)).take(System.nanoTime())) {
            return Answer.refused(429, "webhook.rate", rate);
        }
        Object body = null;
        if (call.body().length > 0) {
            String type = call.headers().getOrDefault("content-type", "");
            if (!type.isEmpty() && !type.toLowerCase(Locale.ROOT).matches("application/([\\w.+-]*\\+)?json\\s*(;.*)?")) {
                return Answer.refused(415, "webhook.contentType");
            }
            try {
                // bytes that are not UTF-8 are refused, never read as replacement characters
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(call.body())).toString();
                body = StrictJson.MAPPER.readValue(text, Object.class);
            } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
                return Answer.refused(400, "webhook.json");
            }
        }
        String digest = WebhookProof.digest(method, call.rawQuery(), call.body());
        if (delivery != null) {
            var seen = seen(hookKey, delivery, digest);
            if (seen != null) {
                return seen;
            }
        }
        var context = new LinkedHashMap<String, Object>();
        context.put("body", body);
        context.put("query", query(call.query()));
        var headers = new LinkedHashMap<String, Object>();
        for (String name : trigger.headers()) {
            if (call.headers().get(name) != null) {
                headers.put(name, call.headers().get(name));
            }
        }
        context.put("headers", headers);
        context.put("method", method);
        context.put("deliveryId", delivery);
        context.put("receivedAt", clock.instant().toString());
        var origin = new ExecutionOrigin(null, SOURCE, null, null, null, List.of(), delivery);
        try {
            return transaction.execute(status -> {
                if (delivery != null) {
                    dsl.insertInto(DELIVERIES).columns(HOOK_KEY, DELIVERY_ID, DIGEST, STATUS, CREATED)
                            .values(hookKey, delivery, digest, 0, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).execute();
                }
                Answer answer;
                Long executionId;
                if (workflow.synchronous()) {
                    var outcome = runner.runSync(workflow.id(), context, 0, origin);
                    executionId = outcome.executionId();
                    answer = answer(outcome);
                    if (outcome.failed()) {
                        // its writes roll back with the delivery, which may then be sent again
                        status.setRollbackOnly();
                        return answer;
                    }
                } else {
                    executionId = runner.queueChain(List.of(new WorkflowRunner.Queued(workflow.id(), context, 0, origin))).getFirst();
                    answer = new Answer(202, Map.of("data", Map.of("executionId", executionId, "status", "QUEUED")), null, false);
                }
                if (delivery != null) {
                    dsl.update(DELIVERIES).set(STATUS, answer.status()).set(EXECUTION_ID, executionId)
                            .set(ANSWER, json.write(answer.body()))
                            .where(HOOK_KEY.eq(hookKey), DELIVERY_ID.eq(delivery)).execute();
                }
                return answer;
            });
        } catch (org.springframework.dao.DataIntegrityViolationException | org.jooq.exception.IntegrityConstraintViolationException e) {
            // the same delivery, sent twice at once: the other one runs it
            var seen = seen(hookKey, delivery, digest);
            return seen != null ? seen : Answer.refused(409, "webhook.delivery.running");
        }
    }

    /**
     * What a delivery seen before was answered; a delivery still running is said to be; the same id with another
     * method, query or body is refused (the sender reused an id), never answered as the first.
     */
    private Answer seen(String hookKey, String delivery, String digest) {
        var stored = dsl.select(STATUS, ANSWER, DIGEST).from(DELIVERIES).where(HOOK_KEY.eq(hookKey), DELIVERY_ID.eq(delivery)).fetchOne();
        if (stored == null) {
            return null;
        }
        if (!digest.equals(stored.value3())) {
            return Answer.refused(422, "webhook.delivery.reused");
        }
        if (stored.value1() == 0) {
            return Answer.refused(409, "webhook.delivery.running");
        }
        return new Answer(stored.value1(), stored.value2() == null ? null : json.read(stored.value2()), null, true);
    }

    /** What a synchronous run answers: its Webhook response node's, or its messages; a failure as 422. */
    private static Answer answer(RunOutcome outcome) {
        if (outcome.failed()) {
            var errors = new ArrayList<Map<String, Object>>();
            outcome.messages().forEach(m -> errors.add(Map.of("message", m)));
            if (errors.isEmpty()) {
                return new Answer(422, null, Text.of("webhook.failed"), false);
            }
            return new Answer(422, Map.of("errors", errors), null, false);
        }
        if (outcome.response() != null) {
            return new Answer(((Number) outcome.response().get("status")).intValue(), outcome.response().get("body"), null, false);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("executionId", outcome.executionId());
        data.put("status", outcome.status().name());
        data.put("messages", outcome.messages());
        return new Answer(200, Map.of("data", data), null, false);
    }

    /**
     * Sends workflow {@code key} a test delivery through the same checks as a real one, signed (or carrying the secret)
     * as its sender would; the secret is read here and never shown.
     */
    @PreAuthorize("hasRole('admin')")
    public Answer test(String workflowKey, Map<String, Object> body) {
        var row = dsl.select(HOOK_KEY, SECRET).from(HOOKS).where(WORKFLOW_KEY.eq(workflowKey)).fetchOne();
        if (row == null) {
            return Answer.refused(404, "webhook.noSecret");
        }
        byte[] bytes = json.write(body).getBytes(StandardCharsets.UTF_8);
        var headers = new LinkedHashMap<String, String>();
        headers.put("content-type", "application/json");
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        headers.put(TIMESTAMP, timestamp);
        String delivery = "test-" + random(9);
        headers.put(SIGNATURE, "sha256=" + WebhookProof.sign(row.value2(), timestamp, delivery, "POST", null, bytes));
        headers.put("authorization", WebhookProof.BEARER + row.value2());
        headers.put(DELIVERY, delivery);
        return receive(row.value1(), new Call("POST", headers, null, Map.of(), bytes));
    }

    /**
     * The query as the workflow reads it; a secret a sender put in the address (a token, a key) is left out, so that
     * no history or node keeps it. The signature still covers the query as sent.
     */
    private static Map<String, Object> query(Map<String, List<String>> query) {
        var values = new LinkedHashMap<String, Object>();
        query.forEach((name, list) -> {
            if (!SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.put(name, list.size() == 1 ? list.getFirst() : List.copyOf(list));
            }
        });
        return values;
    }

    private static final Set<String> SECRET_PARAMETERS = Set.of("token", "access_token", "api_key", "apikey",
            "key", "secret", "password", "signature", "sig");


    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
