package io.actionflow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP service on loopback that answers after a while: an HTTP request node that calls it keeps its execution
 * running, so that an instance always holds executions when it is stopped or killed.
 */
public final class SlowService implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger calls;

    private SlowService(HttpServer server, AtomicInteger calls) {
        this.server = server;
        this.calls = calls;
    }

    /** Answers {@code GET /slow} with 200 after {@code delay}. */
    public static SlowService start(Duration delay) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var calls = new AtomicInteger();
        server.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return new SlowService(server, calls);
    }

    /** How many requests it has received so far, answered or not. */
    public int calls() {
        return calls.get();
    }

    /** Its address, for an HTTP request node. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
    }

    /** The arguments that let an instance's HTTP request nodes reach it (loopback is refused by default). */
    public static String[] allowed() {
        return new String[] {"--actionflow.workflow.http.allowed-hosts=127.0.0.1",
                "--actionflow.workflow.http.allowed-addresses=127.0.0.1"};
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
