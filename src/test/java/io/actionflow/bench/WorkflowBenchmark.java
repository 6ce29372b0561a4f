package io.actionflow.bench;

import static io.actionflow.collections.Filter.Operator.EQ;
import static io.actionflow.collections.Filter.where;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.RecordService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints how fast workflows run: the median and p99 of a synchronous 5-node workflow (condition, calculation, query,
 * update, end) against the same query and update done directly, and how many queued 3-node asynchronous executions
 * per second the runner drains. Run: {@code mvn -Pbench -Dbench=WorkflowBenchmark -Dbench.args="h2 10000"}.
 */
public final class WorkflowBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int queued = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (var context = Bench.start(database)) {
            var collections = context.getBean(CollectionService.class);
            var records = context.getBean(RecordService.class);
            var queries = context.getBean(RecordQueries.class);
            var workflows = context.getBean(WorkflowService.class);
            var runner = context.getBean(WorkflowRunner.class);
            var transaction = context.getBean(TransactionTemplate.class);

            collections.create(new CollectionDraft("bench_orders", "Orders", null, null));
            collections.addField("bench_orders", FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code").withUnique(true)));
            collections.addField("bench_orders", FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
            collections.addField("bench_orders", FieldDraft.of("level", FieldType.TEXT, FieldSettings.titled("Level")));
            long order = records.create("bench_orders", Map.of("code", "A-1", "amount", 120)).id();

            var sync = workflows.create(new WorkflowDraft("Bench sync", null, TriggerType.POST_ACTION, Map.of("collection", "bench_orders"), true, 0));
            sync = workflows.updateGraph(sync.id(), new WorkflowGraph(List.of(
                    NodeDef.of("big", "condition", Map.of("expression", "$context.data.amount > 100", "mode", "continue")),
                    NodeDef.of("double", "calculation", Map.of("expression", "$context.data.amount * 2")),
                    NodeDef.of("find", "query", Map.of("collection", "bench_orders", "filter", List.of(Map.of("field", "code", "value", "{{$context.data.code}}")))),
                    NodeDef.of("mark", "update", Map.of("collection", "bench_orders", "filter", List.of(Map.of("field", "id", "value", "{{$jobsMapByNodeKey.find.id}}")),
                            "values", Map.of("level", "high {{$jobsMapByNodeKey.double}}"))),
                    NodeDef.of("done", "end", Map.of("status", "success")))));
            long syncId = sync.id();
            Map<String, Object> data = Map.of("data", Map.of("amount", 120, "code", "A-1"));
            int[] flip = {0};

            long[] direct = Bench.time(200, 1000, () -> transaction.execute(s -> {
                var found = queries.find("bench_orders", new RecordQuery(where("code", EQ, "A-1"), List.of(), 0, 1));
                records.update("bench_orders", found.getFirst().id(), Map.of("level", "direct " + (flip[0]++)));
                return 1L;
            }));
            long[] viaWorkflow = Bench.time(200, 1000, () -> transaction.execute(s -> runner.runSync(syncId,
                    Map.of("data", Map.of("amount", 120 + (flip[0]++ % 2), "code", "A-1")), 0).executionId()));

            var async = workflows.create(new WorkflowDraft("Bench async", null, TriggerType.POST_ACTION, Map.of("collection", "bench_orders"), false, 0));
            async = workflows.updateGraph(async.id(), new WorkflowGraph(List.of(
                    NodeDef.of("calc", "calculation", Map.of("expression", "$context.n * 3")),
                    NodeDef.of("check", "condition", Map.of("expression", "$jobsMapByNodeKey.calc >= 0", "mode", "continue")),
                    NodeDef.of("write", "create", Map.of("collection", "bench_orders", "values", Map.of("code", "{{$context.prefix}}-{{$context.n}}", "amount", "{{$jobsMapByNodeKey.calc}}"))))));
            long asyncId = async.id();
            var runnerLifecycle = context.getBean("asyncWorkflows", org.springframework.context.Lifecycle.class);
            // drain: everything queued first, with the runner stopped; then timed from its start to the last record
            runnerLifecycle.stop();
            queueAll(transaction, runner, asyncId, "D", queued);
            long drainStart = System.nanoTime();
            runnerLifecycle.start();
            double drainSeconds = waitForAll(queries, "D-", queued, drainStart);
            // while queuing: the runner works while the executions are queued, timed from the first one queued
            long start = System.nanoTime();
            double queuedSeconds = queueAll(transaction, runner, asyncId, "Q", queued);
            double concurrentSeconds = waitForAll(queries, "Q-", queued, start);
            long finished = workflows.executions(asyncId, 2 * queued + 10).stream().filter(e -> e.status().isFinal()).count();

            System.out.printf("%nWorkflows on %s, cores=%s java=%s (order %d)%n", database, Bench.machine().get("cores"),
                    Bench.machine().get("java"), order);
            System.out.printf("sync 5-node workflow (condition, calculation, query, update, end), 1000 runs after 200 warm-up:%n");
            System.out.printf("  via the workflow     median %7.0f µs   p99 %7.0f µs%n", Bench.medianMillis(viaWorkflow) * 1000, Bench.p99Millis(viaWorkflow) * 1000);
            System.out.printf("  same writes directly median %7.0f µs   p99 %7.0f µs%n", Bench.medianMillis(direct) * 1000, Bench.p99Millis(direct) * 1000);
            System.out.printf("  added by the workflow median %6.0f µs%n", (Bench.medianMillis(viaWorkflow) - Bench.medianMillis(direct)) * 1000);
            System.out.printf("async drain: %,d queued 3-node executions, all run %.1f s after the runner started: %.0f executions/s%n",
                    queued, drainSeconds, queued / drainSeconds);
            System.out.printf("async while queuing: %,d executions queued in %.1f s, all run %.1f s after the first: %.0f executions/s (%d of %d final)%n",
                    queued, queuedSeconds, concurrentSeconds, queued / concurrentSeconds, finished, 2 * queued);
        }
        }

    /** Queues {@code count} executions, 500 per transaction; returns the seconds it took. */
    private static double queueAll(TransactionTemplate transaction, WorkflowRunner runner, long workflowId, String prefix, int count) {
        long start = System.nanoTime();
        for (int batch = 0; batch < count; batch += 500) {
            int from = batch;
            transaction.execute(s -> {
                for (int n = from; n < Math.min(from + 500, count); n++) {
                    runner.queue(workflowId, Map.of("n", n, "prefix", prefix), 0, null);
                }
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until {@code count} records whose code starts with {@code prefix} exist; returns the seconds since start. */
    private static double waitForAll(RecordQueries queries, String prefix, int count, long start) throws InterruptedException {
        long written;
        do {
            Thread.sleep(100);
            written = queries.count("bench_orders", where("code", Filter.Operator.CONTAINS, prefix));
        } while (written < count && (System.nanoTime() - start) < 600e9);
        return (System.nanoTime() - start) / 1e9;
    }
}
