package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.Instance;
import io.actionflow.SlowService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged jar on one PostgreSQL database (issue 17): 5,000 creates with an asynchronous
 * post-action are sent through both; one instance is killed with SIGKILL midway and started again. Then every
 * committed record has exactly one execution, finished, and the workflow's own write (a log row per record) happened
 * exactly once; nothing is left queued or picked; the executions the killed instance had picked ran again within the
 * documented 30 s (the default heartbeat of 5 s, 4 missed heartbeats, checked every 2 heartbeats). Each execution
 * first calls a slow local service, so that an instance is always running some when it is killed.
 */
class CrashAndResumeIT {

    private static final int CALLS = 5000;
    private static final int CLIENTS = 8;
    private static final Duration ORPHANS_RESUMED_WITHIN = Duration.ofSeconds(30);
    private static final Duration SLOW_SERVICE = Duration.ofMillis(40);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void executions_of_a_killed_instance_run_again_exactly_once() throws Exception {
        String url = Instance.testDatabase("actionflow_crash");
        String user = Instance.testUser();

        // a slow service each execution calls first: an instance always holds executions it is running
        var slow = SlowService.start(SLOW_SERVICE);
        String[] allowed = SlowService.allowed();
        try (var a = Instance.start("a", url, user, Duration.ofMinutes(3), allowed)) {
            Instance b = Instance.start("b", url, user, Duration.ofMinutes(3), allowed);
            try {
                String token = a.signIn("admin", "admin1234");
                a.call("POST", "/api/collections:create", token, Map.of("name", "posts", "title", "Posts", "fields", List.of(
                        Map.of("name", "title", "type", "text", "title", "Title"))));
                a.call("POST", "/api/collections:create", token, Map.of("name", "log", "title", "Log", "fields", List.of(
                        Map.of("name", "post", "type", "integer", "title", "Post"))));
                String workflow = (String) ((Map<?, ?>) a.call("POST", "/api/workflows:create", token, Map.of("title", "Log posts later",
                        "triggerType", "POST_ACTION", "triggerConfig", Map.of("collection", "posts"), "synchronous", false,
                        "enabled", true, "nodes", List.of(
                                Map.of("key", "ask", "type", "request", "config", Map.of("method", "GET",
                                        "url", slow.url())),
                                Map.of("key", "log", "type", "create", "config", Map.of(
                                        "collection", "log", "values", Map.of("post", "{{$context.data.id}}"))))))).get("key");
                String create = "/api/posts:create?triggerWorkflows=" + workflow;

                // half the calls through both instances; b is killed during them, while it runs what it picked
                var sent = new AtomicInteger();
                var failed = new AtomicInteger();
                var orphans = new java.util.concurrent.CopyOnWriteArrayList<String>();
                var killedAt = new java.util.concurrent.atomic.AtomicLong();
                var resumedAfter = new java.util.concurrent.atomic.AtomicLong(-1);
                Instance doomed = b;
                Thread killer = Thread.ofPlatform().start(() -> {
                    try (Connection db = DriverManager.getConnection(url, user, "")) {
                        while (sent.get() + failed.get() < CALLS * 2 / 5) {
                            Thread.sleep(5);
                        }
                        doomed.kill();
                        killedAt.set(System.nanoTime());
                        orphans.addAll(strings(db, "select task_instance from scheduled_tasks"
                                + " where task_name = 'workflow-execution' and picked and picked_by = 'b'"));
                        if (!orphans.isEmpty()) {
                            resumedAfter.set(awaitResumed(db, orphans, killedAt.get()));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                send(List.of(a, b), token, create, CALLS / 2, sent, failed);

                // the other half through a alone while b starts again, then through both
                var restarted = new java.util.concurrent.atomic.AtomicReference<Instance>();
                Thread restart = Thread.ofPlatform().start(() -> {
                    try {
                        restarted.set(Instance.start("b-again", url, user, Duration.ofMinutes(3), allowed));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                send(List.of(a), token, create, CALLS / 4, sent, failed);
                restart.join();
                b = restarted.get();
                assertThat(b).as("b started again").isNotNull();
                send(List.of(a, b), token, create, CALLS - CALLS / 2 - CALLS / 4, sent, failed);

                try (Connection db = DriverManager.getConnection(url, user, "")) {
                    killer.join();
                    System.out.printf("b killed after %d calls; it had picked %d executions%n", CALLS * 2 / 5, orphans.size());
                    assertThat(orphans).as("executions b had picked when it was killed").isNotEmpty();
                    System.out.printf("from the kill to the last orphan picked again: %.1f s%n", resumedAfter.get() / 1e9);
                    assertThat(Duration.ofNanos(resumedAfter.get())).isLessThanOrEqualTo(ORPHANS_RESUMED_WITHIN);
                    awaitAllDone(db, Duration.ofMinutes(3));

                    long records = Instance.number(db, "select count(*) from rec_posts");
                    System.out.printf("%d calls answered, %d sent again (refused or cut off by the kill), %d records committed%n",
                            sent.get(), failed.get(), records);
                    assertThat(sent.get()).isEqualTo(CALLS);
                    // a call cut off after its commit was sent again: its record is there twice, each with its execution
                    assertThat(records).isGreaterThanOrEqualTo(CALLS);
                    assertThat(Instance.number(db, "select count(*) from af_execution")).isEqualTo(records);
                    assertThat(Instance.number(db, "select count(distinct record_ids) from af_execution")).isEqualTo(records);
                    assertThat(Instance.number(db, "select count(*) from af_execution where status <> 'RESOLVED'")).isZero();
                    assertThat(Instance.number(db, "select count(*) from rec_log")).as("the workflow's own writes").isEqualTo(records);
                    assertThat(Instance.number(db, "select count(distinct post) from rec_log")).isEqualTo(records);
                    assertThat(Instance.number(db, "select count(*) from rec_posts p where not exists "
                            + "(select 1 from rec_log l where l.post = p.id)")).isZero();
                    assertThat(Instance.number(db, "select count(*) from scheduled_tasks where task_name = 'workflow-execution'")).isZero();
                }
            } finally {
                b.close();
            }
        } finally {
            slow.close();
        }
    }

    /**
     * Sends {@code calls} creates over {@link #CLIENTS} clients, spread over the instances; a call refused or cut off is
     * sent again to the next one.
     */
    private void send(List<Instance> to, String token, String path, int calls, AtomicInteger sent, AtomicInteger failed)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        var next = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    // a client whose call is refused or cut off sends it again to the next instance
                    for (int attempt = 0; attempt < 2 * to.size(); attempt++) {
                        Instance instance = to.get((i + attempt) % to.size());
                        try {
                            var answer = http.send(HttpRequest.newBuilder(URI.create(instance.base() + path))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"crash\"}")).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() == 200) {
                                sent.incrementAndGet();
                                break;
                            }
                            failed.incrementAndGet();
                        } catch (IOException cutOff) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    /** Nanoseconds from the kill until none of the orphans is still held by the killed instance. */
    private static long awaitResumed(Connection db, List<String> orphans, long killedAt) throws Exception {
        var held = db.prepareStatement("select count(*) from scheduled_tasks where picked_by = 'b' and picked"
                + " and task_instance = any(?)");
        held.setArray(1, db.createArrayOf("varchar", orphans.toArray()));
        while (true) {
            try (var rows = held.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return System.nanoTime() - killedAt;
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofMinutes(3));
            Thread.sleep(250);
        }
    }

    private static void awaitAllDone(Connection db, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (Instance.number(db, "select count(*) from scheduled_tasks where task_name = 'workflow-execution'") > 0
                || Instance.number(db, "select count(*) from af_execution where status in ('QUEUED', 'STARTED', 'WAITING')") > 0) {
            assertThat(System.nanoTime()).as("every execution finished").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        try (var rows = db.createStatement().executeQuery(sql)) {
            var values = new java.util.ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
