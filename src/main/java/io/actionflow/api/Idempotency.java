package io.actionflow.api;

import io.actionflow.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * {@code Idempotency-Key}: a write sent again with the same key by the same user within 24 hours gets the first
 * answer back and runs nothing again. The key is claimed before the first call runs, so two calls racing with one key
 * run once; the second is told the first is still running.
 */
@Component
class Idempotency {

    static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY = 200;

    private static final Table<Record> KEYS = table(name("af_idempotency"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> KEY = field(name("idem_key"), String.class);
    private static final Field<String> REQUEST = field(name("request_hash"), String.class);
    private static final Field<Integer> STATUS = field(name("status"), Integer.class);
    private static final Field<String> BODY = field(name("body"), String.class);
    private static final Field<OffsetDateTime> CREATED = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext dsl;
    private final CurrentUser currentUser;
    private final TransactionTemplate own;
    private final Clock clock;

    Idempotency(DSLContext dsl, CurrentUser currentUser, PlatformTransactionManager transactions, Clock clock) {
        this.dsl = dsl;
        this.currentUser = currentUser;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs {@code call} once per key: without a key every time; with one, the first answer is kept and given again. */
    ResponseEntity<Object> once(HttpServletRequest request, byte[] body, Supplier<ResponseEntity<Object>> call) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            return call.get();
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new RecordActions.Refused(HttpStatus.BAD_REQUEST, "api.idempotency.key", MAX_KEY);
        }
        String username = currentUser.username().orElseThrow();
        String fingerprint = fingerprint(request, body);
        String claimed = key;
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Record earlier = own.execute(status -> {
            dsl.deleteFrom(KEYS).where(CREATED.lt(now.minus(KEPT))).execute();
            var found = dsl.select(ID, REQUEST, STATUS, BODY).from(KEYS).where(USERNAME.eq(username).and(KEY.eq(claimed))).fetchOne();
            if (found == null) {
                dsl.insertInto(KEYS).set(USERNAME, username).set(KEY, claimed).set(REQUEST, fingerprint).set(CREATED, now).execute();
            }
            return found;
        });
        if (earlier != null) {
            if (!fingerprint.equals(earlier.get(REQUEST))) {
                throw new RecordActions.Refused(HttpStatus.UNPROCESSABLE_CONTENT, "api.idempotency.other");
            }
            if (earlier.get(STATUS) == null) {
                throw new RecordActions.Refused(HttpStatus.CONFLICT, "api.idempotency.running");
            }
            Object stored = ApiErrors.JSON.readValue(earlier.get(BODY), Object.class);
            return ResponseEntity.status(earlier.get(STATUS)).header("Idempotent-Replayed", "true").body(stored);
        }
        ResponseEntity<Object> answer;
        try {
            answer = call.get();
        } catch (RuntimeException refused) {
            // nothing ran to the end: the key is free for a corrected call
            own.executeWithoutResult(status -> dsl.deleteFrom(KEYS).where(USERNAME.eq(username).and(KEY.eq(claimed))).execute());
            throw refused;
        }
        String json = ApiErrors.JSON.writeValueAsString(answer.getBody());
        own.executeWithoutResult(status -> dsl.update(KEYS).set(STATUS, answer.getStatusCode().value()).set(BODY, json)
                .where(USERNAME.eq(username).and(KEY.eq(claimed))).execute());
        return answer;
    }

    /** What makes two calls the same call: method, path, query and body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
