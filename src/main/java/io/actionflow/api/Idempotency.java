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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.dao.DuplicateKeyException;
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
 * {@code Idempotency-Key}: a write sent again with the same key by the same user, acting with the same role, within 24
 * hours gets the first answer back and runs nothing again. The key is claimed before the first call runs, so calls
 * racing with one key run once: the others are told it is still running (409), or get its answer once it has one;
 * none is answered 5xx for the race. An answer that refused the call (4xx, or an error) frees the key, so the
 * corrected call can use it.
 */
@Component
class Idempotency {

    static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY = 200;

    private static final Table<Record> KEYS = table(name("af_idempotency"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> ROLE = field(name("acting_role"), String.class);
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

    /** Who a key belongs to: the user and the role they act with. */
    private record Owner(String username, String role) {
        Condition key(String key) {
            return USERNAME.eq(username).and(ROLE.eq(role)).and(KEY.eq(key));
        }
    }

    /** Runs {@code call} once per key: without a key every time; with one, the first answer is kept and given again. */
    ResponseEntity<Object> once(HttpServletRequest request, byte[] body, Supplier<ResponseEntity<Object>> call) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            return call.get();
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.idempotency.key", MAX_KEY);
        }
        var owner = new Owner(currentUser.username().orElseThrow(),
                String.valueOf(request.getAttribute(ApiSecurity.ROLE_ATTRIBUTE)));
        String fingerprint = fingerprint(request, body);
        Record earlier = claim(owner, key, fingerprint);
        if (earlier != null) {
            return earlier(earlier, fingerprint);
        }
        ResponseEntity<Object> answer;
        try {
            answer = call.get();
        } catch (RuntimeException refused) {
            free(owner, key);
            throw refused;
        }
        if (!answer.getStatusCode().is2xxSuccessful()) {
            // refused, nothing done: the key is free for a corrected call
            free(owner, key);
            return answer;
        }
        String json = ApiErrors.JSON.writeValueAsString(answer.getBody());
        String claimed = key;
        own.executeWithoutResult(status -> dsl.update(KEYS).set(STATUS, answer.getStatusCode().value()).set(BODY, json)
                .where(owner.key(claimed)).execute());
        return answer;
    }

    /**
     * Claims the key: null when this call may run, or the row of the call that claimed it first. Two calls that insert
     * at once meet on the unique key; the one that loses reads the winner's row instead.
     */
    private Record claim(Owner owner, String key, String fingerprint) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Record found = own.execute(status -> {
                    dsl.deleteFrom(KEYS).where(CREATED.lt(now.minus(KEPT))).execute();
                    var row = dsl.select(ID, REQUEST, STATUS, BODY).from(KEYS).where(owner.key(key)).fetchOne();
                    if (row == null) {
                        dsl.insertInto(KEYS).set(USERNAME, owner.username()).set(ROLE, owner.role()).set(KEY, key)
                                .set(REQUEST, fingerprint).set(CREATED, now).execute();
                    }
                    return row;
                });
                return found;
            } catch (DuplicateKeyException raced) {
                Record winner = own.execute(status -> dsl.select(ID, REQUEST, STATUS, BODY).from(KEYS).where(owner.key(key)).fetchOne());
                if (winner != null) {
                    return winner;
                }
                // the winner was refused and freed the key in between: claim it again
            }
        }
        throw new ApiExceptions.Refused(HttpStatus.CONFLICT, "api.idempotency.running");
    }

    /** The answer for a call whose key was claimed before: the first answer, or why there is none to give. */
    private static ResponseEntity<Object> earlier(Record earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.get(REQUEST))) {
            throw new ApiExceptions.Refused(HttpStatus.UNPROCESSABLE_CONTENT, "api.idempotency.other");
        }
        if (earlier.get(STATUS) == null) {
            throw new ApiExceptions.Refused(HttpStatus.CONFLICT, "api.idempotency.running");
        }
        Object stored = ApiErrors.JSON.readValue(earlier.get(BODY), Object.class);
        return ResponseEntity.status(earlier.get(STATUS)).header("Idempotent-Replayed", "true").body(stored);
    }

    private void free(Owner owner, String key) {
        own.executeWithoutResult(status -> dsl.deleteFrom(KEYS).where(owner.key(key)).execute());
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
