package io.actionflow.bench;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WebhookProof;
import io.actionflow.workflow.Webhooks;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how fast webhook deliveries are accepted: an asynchronous webhook workflow (one Create record node) called
 * over HTTP at a fixed rate ({@code rate} a second, open loop: each call is sent at its time whatever the answers do),
 * each signed with HMAC-SHA256 and carrying its own delivery id; the median and p99 of the time to the 202, and how
 * many were refused. Run: {@code mvn -Pbench -Dbench=WebhookBenchmark -Dbench.args="postgres 100 30"}.
 */
public final class WebhookBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (var context = Bench.start(database)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            var collections = context.getBean(CollectionService.class);
            var workflows = context.getBean(WorkflowService.class);
            var webhooks = context.getBean(Webhooks.class);
            collections.create(new CollectionDraft("bench_payments", "Payments", null, null));
            collections.addField("bench_payments", FieldDraft.of("invoice", FieldType.INTEGER, FieldSettings.titled("Invoice")));
            var workflow = workflows.create(new WorkflowDraft("Bench payments", null, TriggerType.WEBHOOK,
                    Map.of("auth", "hmac", "rate", Math.max(1000, rate * 2)), false, 0));
            workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(NodeDef.of("log", "create",
                    Map.of("collection", "bench_payments", "values", Map.of("invoice", "{{$context.body.invoice}}"))))));
            var hook = webhooks.renew(workflow.key());
            workflows.enable(workflow.id());
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI address = URI.create("http://localhost:" + port + "/api/webhooks/" + hook.hookKey());

            // warm-up: a few seconds at the same rate, not counted
            run(http, address, hook.secret(), rate, Math.min(5, seconds), "w");
            var result = run(http, address, hook.secret(), rate, seconds, "m");
            long[] times = result.times();
            Arrays.sort(times);
            System.out.printf("%nWebhook deliveries on %s, cores=%s java=%s%n", database, Bench.machine().get("cores"), Bench.machine().get("java"));
            System.out.printf("  %,d signed deliveries at %d/s (open loop) for %d s: %,d answered 202, %,d otherwise%n",
                    times.length, rate, seconds, result.accepted(), times.length - result.accepted());
            System.out.printf("  time to the answer: median %.1f ms   p99 %.1f ms   max %.1f ms%n",
                    Bench.medianMillis(times), Bench.p99Millis(times), times[times.length - 1] / 1e6);
        }
    }

    private record Result(long[] times, int accepted) {
    }

    private static Result run(HttpClient http, URI address, String secret, int rate, int seconds, String prefix) throws Exception {
        int total = rate * seconds;
        long[] times = new long[total];
        var accepted = new AtomicInteger();
        var calls = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long at = start + (long) (i * 1e9 / rate);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"invoice\": " + i + "}";
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            var request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Actionflow-Timestamp", timestamp)
                    .header("X-Actionflow-Signature", "sha256=" + WebhookProof.sign(secret, timestamp, prefix + "-" + i, "POST", null,
                            body.getBytes(StandardCharsets.UTF_8)))
                    .header("X-Actionflow-Delivery", prefix + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int n = i;
            long sent = System.nanoTime();
            calls[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                times[n] = System.nanoTime() - sent;
                if (response.statusCode() == 202) {
                    accepted.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(calls).join();
        return new Result(times, accepted.get());
    }
}
