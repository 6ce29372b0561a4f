package io.actionflow.bench;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;

/**
 * Prints what binding workflows adds to a click: the median and p99 of a Submit (create) through the dispatcher,
 * unbound, and bound to one pre-action and one synchronous post-action workflow of three nodes each.
 * Run: {@code mvn -Pbench -Dbench=DispatchBenchmark -Dbench.args="h2"}.
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        try (var context = Bench.start(database)) {
            var collections = context.getBean(CollectionService.class);
            var workflows = context.getBean(WorkflowService.class);
            var dispatcher = context.getBean(ActionDispatcher.class);

            collections.create(new CollectionDraft("bench_tickets", "Tickets", null, null));
            collections.addField("bench_tickets", FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject")));
            collections.addField("bench_tickets", FieldDraft.of("priority", FieldType.INTEGER, FieldSettings.titled("Priority")));
            collections.addField("bench_tickets", FieldDraft.of("score", FieldType.INTEGER, FieldSettings.titled("Score")));

            var pre = workflows.create(new WorkflowDraft("Check", null, TriggerType.PRE_ACTION, Map.of("collection", "bench_tickets"), true, 0));
            workflows.updateGraph(pre.id(), new WorkflowGraph(List.of(
                    NodeDef.of("urgent", "calculation", Map.of("expression", "$context.data.priority > 3")),
                    new NodeDef("check", "condition", null, Map.of("expression", "$context.data.priority > 100"), Map.of())
                            .withBranch("yes", List.of(NodeDef.of("stop", "end", Map.of("status", "fail"))))
                            .withBranch("no", List.of()),
                    NodeDef.of("fix", "update-submitted", Map.of("values", Map.of("score", "{{$context.data.priority}}"))))));
            workflows.enable(pre.id());
            var post = workflows.create(new WorkflowDraft("Score", null, TriggerType.POST_ACTION, Map.of("collection", "bench_tickets"), true, 0));
            workflows.updateGraph(post.id(), new WorkflowGraph(List.of(
                    NodeDef.of("double", "calculation", Map.of("expression", "$context.data.score * 2")),
                    NodeDef.of("high", "condition", Map.of("expression", "$jobsMapByNodeKey.double >= 0", "mode", "continue")),
                    NodeDef.of("say", "response-message", Map.of("message", "Ticket {{$context.data.id}} scored {{$jobsMapByNodeKey.double}}")))));
            workflows.enable(post.id());
            var bound = List.of(new WorkflowBinding(pre.key(), null), new WorkflowBinding(post.key(), null));
            int[] n = {0};
            // a role whose permission the dispatcher checks on every click: create, a few fields, records of its own
            context.getBean(io.actionflow.platform.Roles.class).create("bench_clerk", "Clerk");
            context.getBean(io.actionflow.access.Permissions.class).save("bench_clerk", "bench_tickets",
                    new io.actionflow.access.Grant(true, true, true, false, false, io.actionflow.access.Scope.OWN,
                            io.actionflow.access.Scope.OWN, io.actionflow.access.Scope.ALL, null,
                            java.util.Set.of("subject", "priority", "score"), null));

            // warmed up both ways, then measured in turns, so that warming and a growing table weigh on both alike
            for (int i = 0; i < 300; i++) {
                click(dispatcher, List.of(), n[0]++);
                click(dispatcher, bound, n[0]++);
                click(dispatcher, List.of(), n[0]++, "bench_clerk");
            }
            long[] unbound = new long[1000];
            long[] withWorkflows = new long[1000];
            long[] checked = new long[1000];
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                click(dispatcher, List.of(), n[0]++);
                unbound[i] = System.nanoTime() - start;
                start = System.nanoTime();
                click(dispatcher, bound, n[0]++);
                withWorkflows[i] = System.nanoTime() - start;
                start = System.nanoTime();
                click(dispatcher, List.of(), n[0]++, "bench_clerk");
                checked[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(unbound);
            java.util.Arrays.sort(withWorkflows);
            java.util.Arrays.sort(checked);

            System.out.printf("%nDispatch on %s, cores=%s java=%s%n", database, Bench.machine().get("cores"), Bench.machine().get("java"));
            System.out.printf("Submit (create) through the dispatcher, 1000 clicks each way, in turns, after 300 warm-up each:%n");
            System.out.printf("  unbound                                   median %7.0f µs   p99 %7.0f µs%n",
                    Bench.medianMillis(unbound) * 1000, Bench.p99Millis(unbound) * 1000);
            System.out.printf("  one pre-action + one sync post-action     median %7.0f µs   p99 %7.0f µs%n",
                    Bench.medianMillis(withWorkflows) * 1000, Bench.p99Millis(withWorkflows) * 1000);
            System.out.printf("  added by the two workflows               median %7.0f µs%n",
                    (Bench.medianMillis(withWorkflows) - Bench.medianMillis(unbound)) * 1000);
            System.out.printf("  unbound, as a role whose permission is checked  median %7.0f µs   p99 %7.0f µs%n",
                    Bench.medianMillis(checked) * 1000, Bench.p99Millis(checked) * 1000);
            System.out.printf("  added by the permission check (vs admin) median %7.0f µs%n",
                    (Bench.medianMillis(checked) - Bench.medianMillis(unbound)) * 1000);
        }
    }

    private static long click(ActionDispatcher dispatcher, List<WorkflowBinding> bindings, int n) {
        return click(dispatcher, bindings, n, "admin");
    }

    private static long click(ActionDispatcher dispatcher, List<WorkflowBinding> bindings, int n, String role) {
        var result = dispatcher.dispatch(new ActionRequest("bench_tickets", Action.CREATE, List.of(),
                Map.of("subject", "Ticket " + n, "priority", n % 5), bindings, "admin", role, ActionSource.UI, null));
        if (!(result instanceof ActionResult.Done done)) {
            throw new IllegalStateException("The click did not go through: " + result);
        }
        return done.records().size();
    }
}
