package io.actionflow;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * The packaged application started as a process of its own, as an operator starts it ({@code java -jar}), on
 * loopback: for tests and benchmarks of several instances, crashes and restarts.
 */
public final class Instance implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    /** Starts with the bean definitions and repositories generated at build time (Spring's AOT processing). */
    public static final String SPRING_AOT = "-Dspring.aot.enabled=true";

    /**
     * The JVM options the README and the Dockerfile start the jar with, Spring's AOT processing included, so that what
     * is tested on the packaged jar is what runs.
     */
    public static final String JAVA_OPTIONS = SPRING_AOT
            + " -XX:+UseSerialGC -Xmn24m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k"
            // gives back to the system what the JIT and the start freed in the C heap (JDK 22+; the README names 25)
            + (Runtime.version().feature() >= 25 ? " -XX:TrimNativeHeapInterval=5000" : "");

    private Instance(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** The jar {@code mvn package} made. */
    public static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("actionflow-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no target/actionflow-*.jar: run mvn package first"));
        }
    }

    /**
     * Starts the jar as instance {@code name} on {@code database} (PostgreSQL, the {@code postgres} profile) with the
     * given arguments, and waits until it is ready ({@code /actuator/health/readiness}).
     */
    public static Instance start(String name, String database, String user, Duration ready, String... arguments) throws Exception {
        return start(name, Map.of("ACTIONFLOW_DB_URL", database, "ACTIONFLOW_DB_USER", user, "SPRING_PROFILES_ACTIVE", "postgres"),
                null, ready, arguments);
    }

    /**
     * Starts the jar as instance {@code name} on its default database, an H2 file under {@code directory} (as a newcomer
     * and the Dockerfile run it), and waits until it is ready.
     */
    public static Instance startOnH2(String name, Path directory, Duration ready, String... arguments) throws Exception {
        return start(name, Map.of(), directory, ready, arguments);
    }

    /**
     * Starts an extracted jar on its default H2 file under {@code directory} with the AOT cache made for it
     * ({@link #trainAotCache}), which it must use ({@code -XX:AOTMode=on} refuses to start otherwise), and waits until it
     * is ready.
     */
    public static Instance startWithAotCache(String name, Path directory, Path extractedJar, Path cache, Duration ready)
            throws Exception {
        return start(name, Map.of(), directory, extractedJar, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), ready);
    }

    private static Instance start(String name, Map<String, String> database, Path directory, Duration ready,
            String... arguments) throws Exception {
        return start(name, database, directory, jar(), List.of(), ready, arguments);
    }

    private static Instance start(String name, Map<String, String> database, Path directory, Path jar,
            List<String> jvmOptions, Duration ready, String... arguments) throws Exception {
        int port = freePort();
        var command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(JAVA_OPTIONS.split(" ")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--logging.level.root=warn", "--logging.level.io.actionflow.workflow=info",
                "--actionflow.workflow.instance-name=" + name));
        command.addAll(List.of(arguments));
        Path log = log(name);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("ACTIONFLOW_DEMO", "false");
        builder.environment().putAll(database);
        var instance = new Instance(name, builder.start(), port);
        instance.awaitReady(ready, log);
        return instance;
    }

    /** The {@code java} of the JDK running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The jar extracted under {@code directory/app} and its AOT cache ({@code directory/actionflow.aot}, JDK 25), made
     * as the README and the Dockerfile make them: a training start on an in-memory H2 database that ends by itself once
     * the application is ready ({@code actionflow.training-run}), with the beans generated at build time when
     * {@code springAot} (a cache belongs to the mode it was trained in). Fails when a step fails or takes over 5 minutes.
     */
    public static Path trainAotCache(Path jar, Path directory, boolean springAot) throws Exception {
        Path cache = directory.resolve("actionflow.aot");
        runToEnd(directory, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                directory.resolve("app").toString()));
        Path training = directory.resolve("training");
        Files.createDirectories(training);
        var command = new ArrayList<>(List.of(java()));
        if (springAot) {
            command.add(SPRING_AOT);
        }
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dactionflow.training-run=true",
                "-jar", directory.resolve("app").resolve(jar.getFileName()).toString(), "--server.port=0",
                "--logging.level.root=warn"));
        runToEnd(training, command);
        return cache;
    }

    private static void runToEnd(Path directory, List<String> command) throws Exception {
        Path log = directory.resolve("output.log");
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ACTIONFLOW_DEMO", "false");
        builder.environment().put("ACTIONFLOW_DB_URL", "jdbc:h2:mem:training;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Process process = builder.start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed or did not end within 5 minutes: see " + log);
        }
    }

    /** Where the instance {@code name} writes what it logs (appended to over its starts). */
    public static Path log(String name) {
        return Path.of("target", "instance-" + name + ".log").toAbsolutePath();
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    /** SIGKILL: the process ends at once, without handing anything back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The process id (for its RSS and CPU in /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady(Duration within, Path log) throws Exception {
        awaitReady(base(), process, within, log);
    }

    /** Waits until the process at {@code base} answers its readiness probe; fails when it stops or takes too long. */
    public static void awaitReady(String base, Process process, Duration within, Path log) throws Exception {
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance at " + base + " stopped while starting: see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the instance at " + base + " was not ready within " + within + ": see " + log);
    }

    /**
     * A database of its own on the tests' PostgreSQL server ({@code ACTIONFLOW_TEST_POSTGRES_URL}), created when missing
     * and emptied; the test is skipped without that server, or fails under {@link StrictTests}.
     */
    public static String testDatabase(String name) throws Exception {
        String testUrl = System.getenv("ACTIONFLOW_TEST_POSTGRES_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(testUrl != null || StrictTests.enabled(), "ACTIONFLOW_TEST_POSTGRES_URL is not set");
        if (testUrl == null || testUrl.isBlank()) {
            throw new IllegalStateException("ACTIONFLOW_TEST_POSTGRES_URL is not set (strict tests)");
        }
        return cleanDatabase(testUrl, testUser(), name);
    }

    /** The database {@code name} on the PostgreSQL server of {@code url}, created when missing and emptied; its URL. */
    public static String cleanDatabase(String url, String user, String name) throws Exception {
        String server = url.replaceFirst("/[^/?]+(\\?.*)?$", "/");
        try (var admin = java.sql.DriverManager.getConnection(server + "postgres", user, "")) {
            if (number(admin, "select count(*) from pg_database where datname = '" + name + "'") == 0) {
                admin.createStatement().execute("create database " + name);
            }
        }
        String target = server + name;
        try (var db = java.sql.DriverManager.getConnection(target, user, "")) {
            db.createStatement().execute("drop schema if exists public cascade");
            db.createStatement().execute("create schema public");
        }
        return target;
    }

    /** The user of the tests' PostgreSQL server. */
    public static String testUser() {
        return System.getenv().getOrDefault("ACTIONFLOW_TEST_POSTGRES_USER", "postgres");
    }

    /** The first column of the first row a query answers, as a number. */
    public static long number(java.sql.Connection db, String sql) throws java.sql.SQLException {
        try (var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An API token for the account (through {@code auth:signIn}). */
    public String signIn(String account, String password) throws Exception {
        return (String) ((Map<?, ?>) call(base(), "POST", "/api/auth:signIn", null,
                Map.of("account", account, "password", password))).get("token");
    }

    /** Calls this instance's API as {@code token} (none: unsigned); see {@link #call(String, String, String, String, Object)}. */
    public Object call(String method, String path, String token, Object body) throws Exception {
        return call(base(), method, path, token, body);
    }

    /**
     * Calls the API at {@code base} (an instance, or a proxy in front of several) as {@code token}, and answers the
     * {@code data} of a 2xx answer (a map or a list); fails with the answer otherwise.
     */
    public static Object call(String base, String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readValue(answer.body(), Map.class).get("data");
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
