package io.actionflow.bench;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ApiTokens;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints what the HTTP API sustains on loopback, measured by {@code wrk} (Debian's package): creates per second and the
 * median and 99th-percentile latency of {@code POST /api/<collection>:create}, plain and with one synchronous
 * post-action workflow of three nodes bound through {@code triggerWorkflows}.
 * Run: {@code mvn -Pbench -Dbench=ApiBenchmark -Dbench.args="h2|postgres [seconds] [connections]"}.
 */
public final class ApiBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (var context = Bench.start(database)) {
            var collections = context.getBean(CollectionService.class);
            var workflows = context.getBean(WorkflowService.class);
            collections.create(new CollectionDraft("bench_orders", "Orders", null, null));
            collections.addField("bench_orders", FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
            collections.addField("bench_orders", FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
            var post = workflows.create(new WorkflowDraft("Score", null, TriggerType.POST_ACTION, Map.of("collection", "bench_orders"), true, 0));
            workflows.updateGraph(post.id(), new WorkflowGraph(List.of(
                    NodeDef.of("double", "calculation", Map.of("expression", "$context.data.amount * 2")),
                    NodeDef.of("high", "condition", Map.of("expression", "$jobsMapByNodeKey.double >= 0", "mode", "continue")),
                    NodeDef.of("say", "response-message", Map.of("message", "Order {{$context.data.id}} scored {{$jobsMapByNodeKey.double}}")))));
            workflows.enable(post.id());
            String token = context.getBean(ApiTokens.class).create("admin", "benchmark").secret();
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

            // where a call's time goes, before the HTTP runs: signing the token in, and the dispatch itself
            var tokens = context.getBean(ApiTokens.class);
            var dispatcher = context.getBean(io.actionflow.dispatch.ActionDispatcher.class);
            long[] signIn = Bench.time(500, 2000, () -> tokens.caller(token, null) == null ? 0 : 1);
            long[] dispatch = Bench.time(500, 2000, () -> dispatcher.dispatch(new io.actionflow.dispatch.ActionRequest("bench_orders",
                    io.actionflow.dispatch.Action.CREATE, List.of(), Map.of("code", "D-1", "amount", 42), List.of(), "admin", "admin",
                    io.actionflow.dispatch.ActionSource.API, null)).messages().size());
            System.out.printf("in process: token sign-in median %.3f ms, dispatch of a create median %.3f ms%n",
                    Bench.medianMillis(signIn), Bench.medianMillis(dispatch));

            Path script = Path.of("target", "api-bench.lua");
            Files.writeString(script, """
                    wrk.method = "POST"
                    wrk.headers["Content-Type"] = "application/json"
                    wrk.headers["Authorization"] = "Bearer %s"
                    wrk.body = '{"code": "B-1", "amount": 42}'
                    """.formatted(token));
            String base = "http://127.0.0.1:" + port + "/api/bench_orders:create";
            System.out.printf("HTTP API on %s, wrk with 2 threads and %d connections, %d s per run after a 10 s warm-up%n",
                    database, connections, seconds);
            run(script, base, 10, connections);
            report("create", run(script, base, seconds, connections));
            run(script, base + "?triggerWorkflows=" + post.key(), 10, connections);
            report("create + sync post-action (3 nodes)", run(script, base + "?triggerWorkflows=" + post.key(), seconds, connections));
        }
    }

    private static String run(Path script, String url, int seconds, int connections) throws Exception {
        var process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output;
    }

    private static void report(String what, String wrk) {
        String perSecond = find(wrk, "Requests/sec:\\s+([\\d.]+)");
        String p50 = find(wrk, "\\s50%\\s+([\\d.]+\\w+)");
        String p99 = find(wrk, "\\s99%\\s+([\\d.]+\\w+)");
        String errors = find(wrk, "Non-2xx or 3xx responses:\\s+(\\d+)");
        System.out.printf("%-40s %10s creates/s   p50 %8s   p99 %8s   non-2xx %s%n", what, perSecond, p50, p99,
                errors == null ? "0" : errors);
    }

    private static String find(String text, String regex) {
        var matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
