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
        int port = freePort();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx384m", "-jar", jar().toString(), "--server.port=" + port,
                "--logging.level.root=warn", "--logging.level.io.actionflow.workflow=info",
                "--actionflow.workflow.instance-name=" + name));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "instance-" + name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("ACTIONFLOW_DEMO", "false", "ACTIONFLOW_DB_URL", database,
                "ACTIONFLOW_DB_USER", user, "SPRING_PROFILES_ACTIVE", "postgres"));
        var instance = new Instance(name, builder.start(), port);
        instance.awaitReady(ready, log);
        return instance;
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

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
