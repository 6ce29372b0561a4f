package io.actionflow.bench;

import io.actionflow.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long mixed load against two instances of the jar on PostgreSQL (issue 17), loopback only, bounded. The demo
 * workspace plus W1's posts; every operation goes to the next instance in turn, at a fixed rate (open loop: an operation
 * is sent when its time comes, whatever the answers before it). The mix: creates with a synchronous workflow (30 %) and
 * with an asynchronous one (20 %), updates (15 %), deletes refused by the demo's global pre-action (10 %), the demo's
 * Escalate custom action (10 %), purchases held for approval (7 %), decisions on them through the API (8 %).
 *
 * <p>After two minutes at 50/s to warm up, a ramp of half a minute per rate (50/s, then +50/s) finds the highest rate
 * whose p99 stays under 200 ms with no wrong answer; then the run itself at that rate for the given minutes, with
 * calls/s, p50, p99, wrong answers, and each instance's RSS and heap per minute; then a consistency check: every post
 * with a workflow marked once, every
 * execution finished, none stuck, none without its jobs, items still in stock, each decided purchase saved or not as
 * decided. {@code mvn -DskipTests package}, then {@code mvn -Pbench -Dbench=LoadRun -Dbench.args="20"} (minutes; a
 * second argument fixes the rate and skips the ramp). Uses {@code ACTIONFLOW_BENCH_POSTGRES_URL} (a database
 * {@code actionflow_load} on that server, emptied first).
 */
public final class LoadRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration P99_LIMIT = Duration.ofMillis(200);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private enum Kind {
        SYNC_CREATE(30), ASYNC_CREATE(20), UPDATE(15), REFUSED_DELETE(10), ESCALATE(10), SUBMIT(7), DECIDE(8);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }

        static Kind pick() {
            int roll = ThreadLocalRandom.current().nextInt(100);
            for (Kind kind : values()) {
                if (roll < kind.percent) {
                    return kind;
                }
                roll -= kind.percent;
            }
            throw new IllegalStateException("the mix adds up to 100");
        }
    }

    /** What the run needs to know: the instances, tokens, workflow keys, and what it made. */
    private record Setup(List<Instance> instances, String admin, String member, String sync, String async, String escalate,
            long inStock, List<Long> tickets) {
    }

    /** Latencies (µs) and wrong answers of a period, and what was made. */
    private static final class Period {
        final CopyOnWriteArrayList<Long> micros = new CopyOnWriteArrayList<>();
        final AtomicLong wrong = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final Map<String, AtomicLong> wrongByKind = new ConcurrentHashMap<>();
        final List<String> samples = new CopyOnWriteArrayList<>();

        long percentile(double p) {
            var sorted = micros.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** Ids of posts to update, and counts the consistency check compares with the database. */
    private static final List<Long> POSTS = new CopyOnWriteArrayList<>();
    private static final AtomicLong MARKED = new AtomicLong();
    private static final AtomicLong APPROVED = new AtomicLong();
    private static final AtomicLong REJECTED = new AtomicLong();
    private static final AtomicLong HELD = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Integer fixedRate = args.length > 1 ? Integer.valueOf(args[1]) : null;
        String server = System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/actionflow_bench");
        String user = System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_USER", "postgres");
        String url = Instance.cleanDatabase(server, user, "actionflow_load");
        var a = Instance.start("load-a", url, user, Duration.ofMinutes(3), "--actionflow.demo.enabled=true");
        var b = Instance.start("load-b", url, user, Duration.ofMinutes(3));
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            var setup = setup(a, b);
            System.out.printf("two instances of %s on PostgreSQL (%s), JVM options %s%n", Instance.jar().getFileName(), url,
                    Instance.JAVA_OPTIONS);
            int rate;
            if (fixedRate != null) {
                rate = fixedRate;
                drive(setup, rate, Duration.ofMinutes(1), null);
            } else {
                rate = ramp(setup);
            }
            System.out.printf("%nthe run: %d operations/s for %d minutes%n", rate, minutes);
            System.out.println("| minute | operations/s | p50 | p99 | wrong answers | RSS a / b | heap used a / b (lowest) |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var rss = new ArrayList<long[]>();
            var heap = new ArrayList<long[]>();
            var whole = new Period();
            for (int minute = 1; minute <= minutes; minute++) {
                var lowestHeap = new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
                var period = drive(setup, rate, Duration.ofMinutes(1), lowestHeap);
                whole.micros.addAll(period.micros);
                whole.wrong.addAndGet(period.wrong.get());
                period.wrongByKind.forEach((k, v) -> whole.wrongByKind.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(v.get()));
                whole.samples.addAll(period.samples);
                long[] r = {W1Benchmark.rssMb(a.pid()), W1Benchmark.rssMb(b.pid())};
                rss.add(r);
                heap.add(lowestHeap);
                System.out.printf("| %d | %.0f | %.1f ms | %.1f ms | %d | %d / %d MB | %s / %s MB |%n", minute, period.done.get() / 60.0,
                        period.percentile(0.50) / 1000.0, period.percentile(0.99) / 1000.0, period.wrong.get(), r[0], r[1],
                        lowestHeap[0] == Long.MAX_VALUE ? "?" : lowestHeap[0] >> 20, lowestHeap[1] == Long.MAX_VALUE ? "?" : lowestHeap[1] >> 20);
            }
            System.out.printf("whole run: %d operations, p50 %.1f ms, p99 %.1f ms, %d wrong answers %s%n", whole.micros.size(),
                    whole.percentile(0.50) / 1000.0, whole.percentile(0.99) / 1000.0, whole.wrong.get(), whole.wrongByKind);
            whole.samples.stream().limit(5).forEach(s -> System.out.println("  wrong: " + s));
            flatness("RSS", rss);
            flatness("heap used", heap);
            check(db, setup);
        } finally {
            a.close();
            b.close();
        }
    }

    /** Half a minute per rate, from 50/s up by 50/s, until p99 passes 200 ms or an answer is wrong; the last rate that held. */
    private static int ramp(Setup setup) throws Exception {
        // the JIT compiles the request paths of both instances first: two minutes that are not judged
        drive(setup, 50, Duration.ofMinutes(2), null);
        System.out.println("ramp: half a minute per rate, after two minutes at 50/s to warm up");
        int held = 0;
        for (int rate = 50; ; rate += 50) {
            var period = drive(setup, rate, Duration.ofSeconds(30), null);
            long p99 = period.percentile(0.99);
            boolean holds = p99 < P99_LIMIT.toNanos() / 1000 && period.wrong.get() == 0
                    && period.done.get() >= rate * 30L * 95 / 100;
            System.out.printf("  %d/s: %.0f/s done, p99 %.1f ms, %d wrong: %s%n", rate, period.done.get() / 30.0, p99 / 1000.0,
                    period.wrong.get(), holds ? "holds" : "does not hold");
            if (!holds) {
                if (held == 0) {
                    throw new IllegalStateException("not even 50 operations/s hold: " + period.samples);
                }
                // let what is queued drain before the run
                Thread.sleep(30_000);
                return held;
            }
            held = rate;
        }
    }

    /** Sends operations at {@code rate} per second for {@code length}, alternating instances; waits for the answers. */
    private static Period drive(Setup setup, int rate, Duration length, long[] lowestHeap) throws Exception {
        var period = new Period();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long nextSample = start;
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            long due = start;
            for (int n = 0; due < end; n++, due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Instance to = setup.instances().get(n % setup.instances().size());
                Kind kind = Kind.pick();
                long intended = due;
                sending.submit(() -> {
                    String wrong;
                    try {
                        wrong = operate(setup, to, kind);
                    } catch (Exception e) {
                        wrong = e.toString();
                    }
                    // from when it was due, not when it was sent: a late send is latency too
                    period.micros.add((System.nanoTime() - intended) / 1000);
                    period.done.incrementAndGet();
                    if (wrong != null) {
                        period.wrong.incrementAndGet();
                        period.wrongByKind.computeIfAbsent(kind.name(), k -> new AtomicLong()).incrementAndGet();
                        if (period.samples.size() < 10) {
                            period.samples.add(kind + ": " + wrong);
                        }
                    }
                });
                if (lowestHeap != null && System.nanoTime() >= nextSample) {
                    nextSample += Duration.ofSeconds(5).toNanos();
                    Thread.ofVirtual().start(() -> {
                        for (int i = 0; i < setup.instances().size(); i++) {
                            long used = heapUsed(setup.instances().get(i), setup.admin());
                            synchronized (lowestHeap) {
                                lowestHeap[i] = Math.min(lowestHeap[i], used);
                            }
                        }
                    });
                }
            }
        }
        return period;
    }

    /** Runs one operation; answers what was wrong with its answer, or null. */
    private static String operate(Setup setup, Instance to, Kind kind) throws Exception {
        var random = ThreadLocalRandom.current();
        return switch (kind) {
            case SYNC_CREATE -> expect(call(to, "POST", "/api/posts:create?triggerWorkflows=" + setup.sync(), setup.admin(),
                    Map.of("title", "bench", "amount", 42)), 200, answer -> {
                        POSTS.add(id(answer));
                        MARKED.incrementAndGet();
                    });
            case ASYNC_CREATE -> expect(call(to, "POST", "/api/posts:create?triggerWorkflows=" + setup.async(), setup.admin(),
                    Map.of("title", "bench", "amount", 42)), 200, answer -> MARKED.incrementAndGet());
            case UPDATE -> {
                if (POSTS.isEmpty()) {
                    yield null;
                }
                long id = POSTS.get(random.nextInt(POSTS.size()));
                yield expect(call(to, "POST", "/api/posts:update?filterByTk=" + id, setup.admin(),
                        Map.of("amount", random.nextInt(1, 1000))), 200, answer -> { });
            }
            case REFUSED_DELETE -> expect(call(to, "POST", "/api/inventory_items:destroy?filterByTk=" + setup.inStock(),
                    setup.member(), null), 400, answer -> REFUSED.incrementAndGet());
            case ESCALATE -> expect(call(to, "POST", "/api/support_tickets:trigger/"
                    + setup.tickets().get(random.nextInt(setup.tickets().size())) + "?triggerWorkflows=" + setup.escalate(),
                    setup.member(), Map.of()), 200, answer -> { });
            case SUBMIT -> expect(call(to, "POST", "/api/purchase_requests:create", setup.member(),
                    Map.of("title", "Load " + random.nextInt(1_000_000), "amount", random.nextInt(501, 5000))), 202,
                    answer -> HELD.incrementAndGet());
            case DECIDE -> decide(setup, to);
        };
    }

    /** The admin decides the oldest open task: approves two in three, rejects the others. */
    private static String decide(Setup setup, Instance to) throws Exception {
        var todos = call(to, "GET", "/api/approvals:todos", setup.admin(), null);
        if (todos.statusCode() != 200) {
            return "todos answered " + todos.statusCode() + ": " + todos.body();
        }
        var tasks = (List<?>) JSON.readValue(todos.body(), Map.class).get("data");
        if (tasks.isEmpty()) {
            return null;
        }
        // another client may take the same task first: then this one is refused as decided, which is right
        var task = (Map<?, ?>) tasks.get(ThreadLocalRandom.current().nextInt(Math.min(tasks.size(), 8)));
        boolean approve = ThreadLocalRandom.current().nextInt(3) > 0;
        var answer = call(to, "POST", "/api/approvals:" + (approve ? "approve" : "reject"), setup.admin(),
                Map.of("task", task.get("task"), "comment", "load run"));
        if (answer.statusCode() == 200) {
            (approve ? APPROVED : REJECTED).incrementAndGet();
            return null;
        }
        return answer.statusCode() == 400 && answer.body().contains("task") ? null
                : "decision answered " + answer.statusCode() + ": " + answer.body();
    }

    private interface Then {
        void accept(Map<?, ?> answer) throws Exception;
    }

    private static String expect(HttpResponse<String> answer, int status, Then then) throws Exception {
        if (answer.statusCode() != status) {
            return "answered " + answer.statusCode() + " (not " + status + "): " + answer.body();
        }
        then.accept(JSON.readValue(answer.body(), Map.class));
        return null;
    }

    private static long id(Map<?, ?> answer) {
        return ((Number) ((Map<?, ?>) answer.get("data")).get("id")).longValue();
    }

    private static HttpResponse<String> call(Instance to, String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(to.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** W1's posts and workflows, the demo's keys, an item in stock and tickets to escalate. */
    private static Setup setup(Instance a, Instance b) throws Exception {
        String admin = a.signIn("admin", "admin1234");
        String member = a.signIn("member", "member1234");
        a.call("POST", "/api/collections:create", admin, Map.of("name", "posts", "title", "Posts", "fields", List.of(
                Map.of("name", "title", "type", "text", "title", "Title"),
                Map.of("name", "amount", "type", "integer", "title", "Amount"))));
        String sync = markPosts(a, admin, true);
        String async = markPosts(a, admin, false);
        var workflows = (List<?>) a.call("GET", "/api/workflows:list", admin, null);
        String escalate = workflows.stream().map(w -> (Map<?, ?>) w).filter(w -> "Escalate a ticket".equals(w.get("title")))
                .map(w -> (String) w.get("key")).findFirst().orElseThrow();
        var items = (List<?>) a.call("GET", "/api/inventory_items:list", admin, null);
        long inStock = items.stream().map(i -> (Map<?, ?>) i).filter(i -> ((Number) i.get("quantity")).intValue() > 0)
                .map(i -> ((Number) i.get("id")).longValue()).findFirst().orElseThrow();
        var tickets = new ArrayList<Long>();
        for (int i = 0; i < 50; i++) {
            tickets.add(((Number) ((Map<?, ?>) a.call("POST", "/api/support_tickets:create", admin,
                    Map.of("subject", "Load ticket " + i, "priority", "Normal"))).get("id")).longValue());
        }
        return new Setup(List.of(a, b), admin, member, sync, async, escalate, inStock, List.copyOf(tickets));
    }

    private static String markPosts(Instance a, String admin, boolean synchronous) throws Exception {
        return (String) ((Map<?, ?>) a.call("POST", "/api/workflows:create", admin, W1Benchmark.markPosts(synchronous))).get("key");
    }

    /** After the run: everything queued finished, and every table agrees with what the answers said. */
    private static void check(Connection db, Setup setup) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (Instance.number(db, "select count(*) from af_execution where status in ('QUEUED', 'STARTED')") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("executions still queued or started 5 minutes after the run");
            }
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
        var problems = new ArrayList<String>();
        same(problems, "posts marked by their workflow", MARKED.get(),
                Instance.number(db, "select count(*) from rec_posts where title = 'processed'"));
        same(problems, "posts left unmarked (every create had a workflow)", 0,
                Instance.number(db, "select count(*) from rec_posts where title <> 'processed'"));
        same(problems, "executions started and never finished", 0,
                Instance.number(db, "select count(*) from af_execution where status = 'STARTED'"));
        // the demo's pre-action refuses a delete by ending as failed: those failures are the refusals, and only those
        same(problems, "deletes refused by the pre-action, as its executions", REFUSED.get(), Instance.number(db,
                "select count(*) from af_execution e join af_workflow w on w.id = e.workflow_id"
                        + " where w.title = 'Keep items in stock' and e.status = 'FAILED'"));
        same(problems, "other executions that failed", 0, Instance.number(db, "select count(*) from af_execution e"
                + " join af_workflow w on w.id = e.workflow_id where e.status in ('FAILED', 'ERROR', 'ABORTED')"
                + " and w.title <> 'Keep items in stock'"));
        same(problems, "finished executions without a job", 0, Instance.number(db, "select count(*) from af_execution e"
                + " where e.status = 'RESOLVED' and not exists (select 1 from af_job j where j.execution_id = e.id)"));
        same(problems, "executions of the posts' workflows", MARKED.get(), Instance.number(db, "select count(*) from af_execution e"
                + " join af_workflow w on w.id = e.workflow_id where w.wf_key in ('" + setup.sync() + "', '" + setup.async() + "')"));
        same(problems, "scheduled tasks left, but for executions waiting (at an approval still open)", 0,
                Instance.number(db, "select count(*) from scheduled_tasks s where task_name = 'workflow-execution' and not exists"
                        + " (select 1 from af_execution e where e.id = cast(s.task_instance as bigint) and e.status = 'WAITING')"));
        same(problems, "the item kept in stock", 1,
                Instance.number(db, "select count(*) from rec_inventory_items where id = " + setup.inStock()));
        same(problems, "purchases saved (approved ones, plus the demo's two)", APPROVED.get() + 2,
                Instance.number(db, "select count(*) from rec_purchase_requests"));
        same(problems, "requests rejected", REJECTED.get(),
                Instance.number(db, "select count(*) from af_approval where status = 'REJECTED'"));
        same(problems, "requests held, by their state", HELD.get(),
                Instance.number(db, "select count(*) from af_approval"));
        System.out.printf("consistency: %d posts marked, %d deletes refused, %d held for approval, %d approved and saved,"
                + " %d rejected%n", MARKED.get(), REFUSED.get(), HELD.get(), APPROVED.get(), REJECTED.get());
        if (problems.isEmpty()) {
            System.out.println("consistency: every record, execution and job as the answers said; nothing stuck");
        } else {
            problems.forEach(p -> System.out.println("INCONSISTENT: " + p));
            throw new IllegalStateException("the load run left the database inconsistent: " + problems);
        }
    }

    private static void same(List<String> problems, String what, long expected, long actual) {
        if (expected != actual) {
            problems.add(what + ": expected " + expected + ", found " + actual);
        }
    }

    /** Whether the figures of the last ten minutes stay within 10 % of their first value, per instance. */
    private static void flatness(String what, List<long[]> perMinute) {
        var last = perMinute.subList(Math.max(0, perMinute.size() - 10), perMinute.size());
        for (int i = 0; i < 2; i++) {
            int instance = i;
            long first = last.getFirst()[i];
            long max = last.stream().mapToLong(v -> v[instance]).max().orElse(0);
            long min = last.stream().mapToLong(v -> v[instance]).min().orElse(0);
            long lastValue = last.getLast()[i];
            boolean flat = first == 0 || (Math.abs(lastValue - first) * 10 <= first && (max - min) * 5 <= Math.max(first, 1));
            System.out.printf("%s of instance %s over the last %d minutes: first %d, lowest %d, highest %d, last %d%s: %s%n",
                    what, i == 0 ? "a" : "b", last.size(), unit(what, first), unit(what, min), unit(what, max), unit(what, lastValue),
                    " MB", flat ? "flat" : "NOT FLAT");
        }
    }

    private static long unit(String what, long value) {
        return what.startsWith("heap") ? value >> 20 : value;
    }

    /** The heap in use now, as the instance's metrics tell it (bytes). */
    private static long heapUsed(Instance instance, String token) {
        try {
            var answer = HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return answer.body().lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }
}
