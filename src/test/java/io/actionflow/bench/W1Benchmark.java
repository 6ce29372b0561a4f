package io.actionflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workload W1 (issue 16) against the packaged application, started as the README starts it: collection
 * {@code posts(title, amount)}, {@code POST /api/posts:create {"title":"bench","amount":42}}, plain and with a bound
 * post-action workflow of two nodes (condition {@code amount > 10}, update the post's title to {@code processed}),
 * synchronous and asynchronous. Driven by Apache Bench ({@code ab -k}, keep-alive) after a warm-up of every kind of call
 * ({@code W1_WARMUP} rounds of each, 4 by default: the JIT compiles the request path for about 20,000 calls). Then each
 * kind is measured {@code W1_RUNS} times (3): calls/s, p50, p99, the server's CPU per call (and of it, what the JIT
 * compilers still took), PostgreSQL's CPU per call (its processes on this machine), the server's peak RSS; for the
 * asynchronous workflow, the time until every execution has written its post. Also: the start until ready, the idle
 * RSS, and what {@code pgbench} does here with W1's statements (insert, update, execution row), to compare machines.
 *
 * <p>Run after {@code mvn -DskipTests package}:
 * {@code mvn -Pbench -Dbench=W1Benchmark -Dbench.args="postgres 2000 8"} (or {@code h2}; a fourth argument picks runs:
 * {@code plain,sync,async}); JVM options of the server in {@code W1_JAVA_OPTS} (default: those the README and the
 * Dockerfile use), the jar in {@code W1_JAR} (default: the one in {@code target}), extracted and started with an AOT cache
 * unless {@code W1_AOT=false}. A jar of a commit before Spring's AOT processing was added starts only without
 * {@code -Dspring.aot.enabled=true} in {@code W1_JAVA_OPTS}; its AOT cache is then trained without it too.
 */
public final class W1Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long TICKS_PER_SECOND = 100;

    private record Run(String name, double perSecond, double p50, double p99, long failed, double cpuMillisPerCall,
            double jitMillisPerCall, double postgresMillisPerCall, long peakRssMb, String drained) {
    }

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        var only = java.util.Set.of((args.length > 3 ? args[3] : "plain,sync,async").split(","));
        String javaOptions = System.getenv().getOrDefault("W1_JAVA_OPTS", defaultJavaOptions());
        Path jar = jar();
        boolean aot = !"false".equals(System.getenv("W1_AOT"));
        Path launched = jar;
        int port = io.actionflow.Instance.freePort();
        var command = new ArrayList<String>();
        command.add(io.actionflow.Instance.java());
        if (!javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.strip().split("\\s+")));
        }
        if (aot) {
            Path cache = aotCache(jar, javaOptions.contains(io.actionflow.Instance.SPRING_AOT));
            launched = cache.resolveSibling("app").resolve(jar.getFileName());
            command.add("-XX:AOTCache=" + cache);
        }
        command.addAll(List.of("-jar", launched.toString(), "--server.port=" + port, "--logging.level.root=warn"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "w1-server.log").toFile());
        builder.environment().put("ACTIONFLOW_DEMO", "false");
        Path work = Path.of("target", "w1-" + database).toAbsolutePath();
        delete(work);
        Files.createDirectories(work);
        builder.directory(work.toFile());
        if ("postgres".equals(database)) {
            String url = System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/actionflow_bench");
            cleanPostgres(url);
            builder.environment().put("ACTIONFLOW_DB_URL", url);
            builder.environment().put("ACTIONFLOW_DB_USER", System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_USER", "postgres"));
            builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        }

        long started = System.nanoTime();
        Process server = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            io.actionflow.Instance.awaitReady(base, server, Duration.ofMinutes(3), Path.of("target", "w1-server.log"));
            double startSeconds = (System.nanoTime() - started) / 1e9;
            // the CPU the start took varies less than its time on a shared machine
            double startCpuSeconds = cpuTicks(server.pid()) / (double) TICKS_PER_SECOND;
            // idle: after the first trims of the C heap (-XX:TrimNativeHeapInterval=5000)
            Thread.sleep(12_000);
            long idleRss = rssMb(server.pid());

            String token = signIn(base);
            post(base + "/api/collections:create", token, Map.of("name", "posts", "title", "Posts", "fields", List.of(
                    Map.of("name", "title", "type", "text", "title", "Title"),
                    Map.of("name", "amount", "type", "integer", "title", "Amount"))));
            String sync = workflow(base, token, true);
            String async = workflow(base, token, false);

            Path body = Path.of("target", "w1-body.json").toAbsolutePath();
            Files.writeString(body, "{\"title\":\"bench\",\"amount\":42}");
            String create = base + "/api/posts:create";
            System.out.printf("W1 on %s: %s, %d calls per run, %d keep-alive clients (ab -k)%n",
                    database, jar.getFileName(), calls, clients);
            System.out.printf("server JVM options: %s%s%n", javaOptions.isBlank() ? "(none)" : javaOptions,
                    aot ? "; extracted jar with an AOT cache (as the Dockerfile starts it)" : "; the jar itself, no AOT cache");
            System.out.printf("start until ready: %.1f s (%.1f s of CPU); idle RSS: %d MB%n", startSeconds, startCpuSeconds, idleRss);

            int warmups = Integer.parseInt(System.getenv().getOrDefault("W1_WARMUP", "4"));
            int measured = Integer.parseInt(System.getenv().getOrDefault("W1_RUNS", "3"));
            var kinds = new java.util.LinkedHashMap<String, String>();
            if (only.contains("plain")) {
                kinds.put("plain create", create);
            }
            if (only.contains("sync")) {
                kinds.put("create + sync workflow", create + "?triggerWorkflows=" + sync);
            }
            if (only.contains("async")) {
                kinds.put("create + async workflow", create + "?triggerWorkflows=" + async);
            }
            long warmStarted = System.nanoTime();
            for (int round = 0; round < warmups; round++) {
                for (var kind : kinds.entrySet()) {
                    ab(kind.getValue(), body, token, calls, clients);
                    if (kind.getValue().contains("triggerWorkflows")) {
                        // every post of a call with a workflow is marked, at once or by its asynchronous execution
                        marked += calls;
                        awaitProcessed(base, token, marked, Duration.ofMinutes(5));
                    }
                }
            }
            System.out.printf("warm-up: %d rounds of %d calls of each kind in %.0f s%n", warmups, calls,
                    (System.nanoTime() - warmStarted) / 1e9);
            var runs = new ArrayList<Run>();
            for (var kind : kinds.entrySet()) {
                var ofKind = new ArrayList<Run>();
                for (int run = 0; run < measured; run++) {
                    ofKind.add(measure(kind.getKey(), kind.getValue(), body, token, calls, clients, server.pid(),
                            kind.getValue().contains(async) ? async : null, base));
                }
                runs.addAll(ofKind);
                var sorted = ofKind.stream().sorted(java.util.Comparator.comparingDouble(Run::perSecond)).toList();
                var median = sorted.get(sorted.size() / 2);
                runs.add(new Run(kind.getKey() + " (median)", median.perSecond(), median.p50(), median.p99(), median.failed(),
                        median.cpuMillisPerCall(), median.jitMillisPerCall(), median.postgresMillisPerCall(),
                        median.peakRssMb(), median.drained()));
            }
            System.out.println();
            System.out.println("| run | calls/s | p50 | p99 | failed | server CPU per call (JIT) | PostgreSQL CPU per call | peak RSS | all executions done |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            for (Run run : runs) {
                System.out.printf("| %s | %.0f | %.1f ms | %.1f ms | %d | %.2f ms (%.2f) | %s | %d MB | %s |%n", run.name(), run.perSecond(),
                        run.p50(), run.p99(), run.failed(), run.cpuMillisPerCall(), run.jitMillisPerCall(),
                        "postgres".equals(database) ? String.format("%.2f ms", run.postgresMillisPerCall()) : "", run.peakRssMb(),
                        run.drained());
            }
            if ("postgres".equals(database)) {
                System.out.println(pgbench());
            }
            System.out.printf("after the runs, RSS: %d MB%n", rssMb(server.pid()));
        } finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The options the README and the Dockerfile start the jar with. */
    static String defaultJavaOptions() {
        return io.actionflow.Instance.JAVA_OPTIONS;
    }

    /**
     * The jar extracted and its AOT cache, made by a training start as the Dockerfile makes them
     * ({@link io.actionflow.Instance#trainAotCache}); kept in {@code target/w1-aot} while the jar is the same.
     */
    private static Path aotCache(Path jar, boolean springAot) throws Exception {
        Path dir = Path.of("target", "w1-aot").toAbsolutePath();
        Path cache = dir.resolve("actionflow.aot");
        Path stamp = dir.resolve("jar-stamp");
        String jarStamp = jar + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar) + " " + springAot;
        if (Files.exists(cache) && Files.exists(stamp) && Files.readString(stamp).equals(jarStamp)) {
            return cache;
        }
        delete(dir);
        Files.createDirectories(dir);
        long started = System.nanoTime();
        io.actionflow.Instance.trainAotCache(jar, dir, springAot);
        System.out.printf("AOT cache made in %.1f s (%d MB)%n", (System.nanoTime() - started) / 1e9, Files.size(cache) >> 20);
        Files.writeString(stamp, jarStamp);
        return cache;
    }

    /** How many posts the calls so far have had marked by a workflow. */
    private static long marked;

    private static Run measure(String name, String url, Path body, String token, int calls, int clients, long pid,
            String asyncKey, String base) throws Exception {
        if (url.contains("triggerWorkflows")) {
            marked += calls;
        }
        var peak = new AtomicLong();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rssMb(pid), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cpuBefore = cpuTicks(pid);
        long jitBefore = jitTicks(pid);
        long postgresBefore = postgresTicks();
        String output = ab(url, body, token, calls, clients);
        long loadEnded = System.nanoTime();
        String drained = "";
        if (asyncKey != null) {
            long doneAt = awaitProcessed(base, token, marked, Duration.ofMinutes(5));
            drained = String.format("%.1f s after the last answer", (doneAt - loadEnded) / 1e9);
        }
        long cpuAfter = cpuTicks(pid);
        long jitAfter = jitTicks(pid);
        long postgresAfter = postgresTicks();
        sampler.interrupt();
        sampler.join();
        return new Run(name, number(output, "Requests per second:\\s+([\\d.]+)"), number(output, "\\n\\s+50%\\s+(\\d+)"),
                number(output, "\\n\\s+99%\\s+(\\d+)"),
                // ab counts answers of another length as failed: only refusals, lost connections and errors are
                (long) (optional(output, "Connect: (\\d+)") + optional(output, "Receive: (\\d+)")
                        + optional(output, "Exceptions: (\\d+)") + optional(output, "Non-2xx responses:\\s+(\\d+)")),
                perCall(cpuAfter - cpuBefore, calls), perCall(jitAfter - jitBefore, calls),
                perCall(postgresAfter - postgresBefore, calls), peak.get(), drained);
    }

    private static double perCall(long ticks, int calls) {
        return ticks * 1000.0 / TICKS_PER_SECOND / calls;
    }

    private static String ab(String url, Path body, String token, int calls, int clients) throws Exception {
        var process = new ProcessBuilder("ab", "-q", "-k", "-n", String.valueOf(calls), "-c", String.valueOf(clients),
                "-p", body.toString(), "-T", "application/json", "-H", "Authorization: Bearer " + token, url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ab failed: " + output);
        }
        return output;
    }

    /** How many posts the workflows have marked processed. */
    private static long processed(String base, String token) throws Exception {
        var answer = get(base + "/api/posts:list?pageSize=1&filter=" + java.net.URLEncoder.encode(
                "{\"title\": \"processed\"}", java.nio.charset.StandardCharsets.UTF_8), token);
        return ((Number) ((Map<?, ?>) answer.get("meta")).get("count")).longValue();
    }

    private static long awaitProcessed(String base, String token, long count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (processed(base, token) >= count) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the asynchronous executions did not all finish within " + limit);
    }

    /** W1's post-action workflow of two nodes: condition {@code amount > 10}, then the post's title set to processed. */
    static Map<String, Object> markPosts(boolean synchronous) {
        return Map.of("title", synchronous ? "Mark posts" : "Mark posts later", "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", "posts"), "synchronous", synchronous, "enabled", true,
                "nodes", List.of(
                        Map.of("key", "big", "type", "condition", "config", Map.of("expression", "{{$context.data.amount}} > 10",
                                "mode", "continue")),
                        Map.of("key", "mark", "type", "update", "config", Map.of("collection", "posts",
                                "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                                "values", Map.of("title", "processed")))));
    }

    private static String workflow(String base, String token, boolean synchronous) throws Exception {
        var answer = post(base + "/api/workflows:create", token, markPosts(synchronous));
        return (String) ((Map<?, ?>) answer.get("data")).get("key");
    }

    private static String signIn(String base) throws Exception {
        var answer = post(base + "/api/auth:signIn", null, Map.of("account", "admin", "password", "admin1234"));
        return (String) ((Map<?, ?>) answer.get("data")).get("token");
    }

    private static Map<?, ?> post(String url, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), url);
    }

    private static Map<?, ?> get(String url, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
        return answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), url);
    }

    private static Map<?, ?> answer(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), Map.class);
    }

    /** User and system CPU of the process so far, in clock ticks (1/100 s). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU of the server's JIT compiler threads so far, in clock ticks. */
    static long jitTicks(long pid) {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).startsWith("C")
                            && Files.readString(thread.resolve("comm")).contains("Compiler")) {
                        ticks += ticksOf(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** CPU of the PostgreSQL processes on this machine so far, in clock ticks (0 where there are none). */
    static long postgresTicks() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        ticks += ticksOf(Files.readString(process.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // the process ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * What {@code pgbench} does on this machine with the statements of a W1 call with a workflow, 8 clients for 10 s: a
     * yardstick for comparing machines, whatever the application does.
     */
    private static String pgbench() {
        String url = System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/actionflow_bench");
        var m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+)").matcher(url);
        if (!m.find()) {
            return "pgbench: not run (" + url + ")";
        }
        try {
            Path script = Path.of("target", "w1-pgbench.sql").toAbsolutePath();
            Files.writeString(script, """
                    begin;
                    insert into w1_bench_posts (title, amount) values ('bench', 42) returning id \\gset
                    update w1_bench_posts set title = 'processed' where id = :id;
                    insert into w1_bench_executions (context) values ('{"data":{"id":1,"title":"bench","amount":42}}');
                    commit;
                    """);
            String user = System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_USER", "postgres");
            try (var connection = java.sql.DriverManager.getConnection(url, user, "");
                    var statement = connection.createStatement()) {
                statement.execute("create table if not exists w1_bench_posts (id bigserial primary key, title text, amount integer)");
                statement.execute("create table if not exists w1_bench_executions (id bigserial primary key, context text)");
            }
            var process = new ProcessBuilder("pgbench", "-n", "-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2),
                    "-U", user, "-c", "8", "-j", "2", "-T", "10", "-f", script.toString(), m.group(3)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            var tps = Pattern.compile("tps = ([\\d.]+)").matcher(output);
            return tps.find() ? String.format("pgbench, W1's statements (insert, update, execution row), 8 clients: %.0f transactions/s",
                    Double.parseDouble(tps.group(1))) : "pgbench: " + output.strip();
        } catch (Exception e) {
            return "pgbench: not run (" + e.getMessage() + ")";
        }
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in ab's answer (" + pattern + "): " + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optional(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** {@code W1_JAR}, or the jar {@code mvn package} left in {@code target}. */
    static Path jar() throws IOException {
        String given = System.getenv("W1_JAR");
        return given != null && !given.isBlank() ? Path.of(given).toAbsolutePath() : io.actionflow.Instance.jar();
    }

    private static void cleanPostgres(String url) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(url,
                System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_USER", "postgres"), "");
                var statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
