package io.actionflow.bench;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints how fast date-field schedule fires drain: {@code count} records all due at one moment, a schedule on their
 * date enabled before it, the asynchronous runner held until that moment and then started; timed until every record's
 * fire is made (its row in {@code af_schedule_fire}, its execution queued), and until those executions have run.
 * Run: {@code mvn -Pbench -Dbench=DateFireBenchmark -Dbench.args="postgres 10000"}.
 */
public final class DateFireBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (var context = Bench.start(database)) {
            var collections = context.getBean(CollectionService.class);
            var records = context.getBean(RecordService.class);
            var workflows = context.getBean(WorkflowService.class);
            var transaction = context.getBean(TransactionTemplate.class);
            var dsl = context.getBean(DSLContext.class);
            var runner = context.getBean("asyncWorkflows", org.springframework.context.Lifecycle.class);

            collections.create(new CollectionDraft("bench_due", "Due", null, null));
            collections.addField("bench_due", FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Ref")));
            collections.addField("bench_due", FieldDraft.of("due", FieldType.DATETIME, FieldSettings.titled("Due")));
            var workflow = workflows.create(new WorkflowDraft("Bench due", null, TriggerType.SCHEDULE,
                    Map.of("mode", "dateField", "collection", "bench_due", "field", "due", "offset", 0, "timeZone", "UTC"), false, 0));
            workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                    NodeDef.of("calc", "calculation", Map.of("expression", "$context.data.id * 2")))));
            workflows.enable(workflow.id());

            // the moment they are all due: after the records are written, whatever the machine's speed
            runner.stop();
            long setupStart = System.nanoTime();
            var due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20 + count / 250).withNano(0);
            for (int batch = 0; batch < count; batch += 500) {
                int from = batch;
                transaction.executeWithoutResult(s -> {
                    for (int n = from; n < Math.min(from + 500, count); n++) {
                        records.create("bench_due", Map.of("ref", "R" + n, "due", due));
                    }
                });
            }
            double writeSeconds = (System.nanoTime() - setupStart) / 1e9;
            long planned = dsl.fetchCount(DSL.table(DSL.name("scheduled_tasks")), DSL.field(DSL.name("task_name")).eq("workflow-schedule"));
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !OffsetDateTime.now(ZoneOffset.UTC).isBefore(due));
            long start = System.nanoTime();
            runner.start();
            var fires = DSL.table(DSL.name("af_schedule_fire"));
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> dsl.fetchCount(fires) >= count);
            double fireSeconds = (System.nanoTime() - start) / 1e9;
            var executions = DSL.table(DSL.name("af_execution"));
            var resolved = DSL.field(DSL.name("status")).eq("RESOLVED");
            Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> dsl.fetchCount(executions, resolved) >= count);
            double runSeconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("%nDate-field fires on %s, cores=%s java=%s%n", database, Bench.machine().get("cores"), Bench.machine().get("java"));
            System.out.printf("  %,d records written in %.1f s, %,d wake-ups planned, all due at %s%n", count, writeSeconds, planned, due);
            System.out.printf("  all %,d fires made %.1f s after the runner started: %.0f fires/s%n", count, fireSeconds, count / fireSeconds);
            System.out.printf("  all %,d executions they queued run %.1f s after it started: %.0f executions/s%n", count, runSeconds,
                    count / runSeconds);
        }
    }
}
