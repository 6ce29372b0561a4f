package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.Instance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged jar on one PostgreSQL database run a schedule that fires every minute (issue 28). One
 * of them is killed with SIGKILL a few seconds before a fire, and later the other one before the next: each fire is
 * made by the instance left, once, and none is lost or made twice.
 */
class ScheduleCrashIT {

    @Test
    void a_fire_due_after_an_instance_was_killed_is_made_once_by_the_other() throws Exception {
        String url = Instance.testDatabase("actionflow_schedcrash");
        String user = Instance.testUser();
        Instance a = Instance.start("sa", url, user, Duration.ofMinutes(3));
        Instance b = Instance.start("sb", url, user, Duration.ofMinutes(3));
        try {
            String token = a.signIn("admin", "admin1234");
            a.call("POST", "/api/collections:create", token, Map.of("name", "fires", "title", "Fires", "fields", List.of(
                    Map.of("name", "at", "type", "text", "title", "At"))));
            a.call("POST", "/api/workflows:create", token, Map.of("title", "Every minute", "triggerType", "SCHEDULE",
                    "triggerConfig", Map.of("repeat", "minutes", "every", 1, "timeZone", "UTC"), "synchronous", false, "enabled", true,
                    "nodes", List.of(Map.of("key", "log", "type", "create", "config", Map.of(
                            "collection", "fires", "values", Map.of("at", "{{$context.fireTime}}"))))));

            try (Connection db = DriverManager.getConnection(url, user, "")) {
                // a is killed three seconds before a fire: b makes it
                Instant first = killBeforeNextMinute(a);
                awaitFire(db, first);
                Instance again = Instance.start("sa-again", url, user, Duration.ofMinutes(3));
                a = again;
                // then b, before the next: a, started again, makes it
                Instant second = killBeforeNextMinute(b);
                awaitFire(db, second);

                var times = new ArrayList<String>();
                try (var rows = db.createStatement().executeQuery("select at from rec_fires order by at")) {
                    while (rows.next()) {
                        times.add(rows.getString(1));
                    }
                }
                System.out.printf("fires made: %s%n", times);
                assertThat(times).doesNotHaveDuplicates().contains(first.toString(), second.toString());
                assertThat(Instance.number(db, "select count(*) from af_execution")).isEqualTo(times.size());
            }
        } finally {
            a.close();
            b.close();
        }
    }

    /** Kills {@code instance} three seconds before the next whole minute (the one after, when that is too near). */
    private static Instant killBeforeNextMinute(Instance instance) throws InterruptedException {
        Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        if (Duration.between(Instant.now(), next).toSeconds() < 8) {
            next = next.plus(Duration.ofMinutes(1));
        }
        Instant killAt = next.minusSeconds(3);
        Awaitility.await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(20))
                .until(() -> !Instant.now().isBefore(killAt));
        instance.kill();
        System.out.printf("%s killed at %s, before the fire of %s%n", instance.name(), Instant.now(), next);
        return next;
    }

    /** Waits until the fire of {@code at} has written its row (at most 90 s after it was due). */
    private static void awaitFire(Connection db, Instant at) throws Exception {
        Awaitility.await("the fire of " + at).atMost(Duration.between(Instant.now(), at.plusSeconds(90)))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instance.number(db, "select count(*) from rec_fires where at = '" + at + "'") > 0);
        System.out.printf("fire of %s made %d ms after its time%n", at, Duration.between(at, Instant.now()).toMillis());
    }
}
