package io.actionflow.workflow;

import io.actionflow.triggers.TriggerType;
import static org.assertj.core.api.Assertions.assertThat;


import com.sun.net.httpserver.HttpServer;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** The asynchronous runner on every database we run on: durable, exactly once, waits, retries, cancel. */
@WithMockUser(username = "admin", roles = "admin")
abstract class AsyncWorkflowsContract {

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    AsyncWorkflows async;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    WorkflowRunner.RunnerSettings settings;

    String logs;

    @BeforeEach
    void collection() {
        logs = "alogs_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(logs, "Async logs", null, null));
        collections.addField(logs, FieldDraft.of("n", FieldType.INTEGER, FieldSettings.titled("N").withUnique(true)));
    }

    @Test
    void an_execution_queued_in_a_rolled_back_transaction_never_runs() {
        var workflow = async(List.of(write("{{$context.n}}")), 0);

        long committed = transaction.execute(s -> runner.queue(workflow.id(), Map.of("n", 1), 0, null));
        long rolledBack = transaction.execute(s -> {
            long id = runner.queue(workflow.id(), Map.of("n", 2), 0, null);
            s.setRollbackOnly();
            return id;
        });

        awaitStatus(workflow, committed, ExecutionStatus.RESOLVED);
        assertThat(workflows.executions(workflow.id(), 10)).extracting(ExecutionSummary::id).doesNotContain(rolledBack);
        assertThat(queries.count(logs, Filter.all())).isEqualTo(1);
    }

    @Test
    void a_delay_waits_without_a_thread_and_then_goes_on() {
        var workflow = async(List.of(NodeDef.of("wait", "delay", Map.of("duration", "1")), write("7")), 0);

        long id = transaction.execute(s -> runner.queue(workflow.id(), Map.of(), 0, null));

        awaitStatus(workflow, id, ExecutionStatus.WAITING);
        assertThat(queries.count(logs, Filter.all())).isZero();
        awaitStatus(workflow, id, ExecutionStatus.RESOLVED);
        assertThat(queries.count(logs, Filter.all())).isEqualTo(1);
    }

    @Test
    void a_failing_node_is_retried_then_the_execution_fails_with_its_error() throws Exception {
        var calls = new AtomicInteger();
        var healthy = new java.util.concurrent.atomic.AtomicBoolean();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/flaky", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(healthy.get() ? 204 : 502, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/flaky";
            var workflow = async(List.of(NodeDef.of("call", "request", Map.of("url", url)), write("7")), 2);

            long id = transaction.execute(s -> runner.queue(workflow.id(), Map.of(), 0, null));

            var failed = awaitStatus(workflow, id, ExecutionStatus.FAILED);
            assertThat(calls.get()).isEqualTo(3);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(io.actionflow.English.of(failed.error())).contains("answered 502");

            workflows.retry(id);
            awaitStatus(workflow, id, ExecutionStatus.FAILED);
            assertThat(calls.get()).isGreaterThanOrEqualTo(4);

            // once the other side is back, a retry runs on from the failed node to the end
            healthy.set(true);
            workflows.retry(id);
            awaitStatus(workflow, id, ExecutionStatus.RESOLVED);
            assertThat(workflows.jobs(id)).extracting(j -> j.nodeKey() + ":" + j.status())
                    .containsExactly("call:RESOLVED", "write:RESOLVED");
            assertThat(queries.count(logs, Filter.all())).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_waiting_execution_can_be_canceled() {
        var workflow = async(List.of(NodeDef.of("wait", "delay", Map.of("duration", "PT1H")), write("9")), 0);
        long id = transaction.execute(s -> runner.queue(workflow.id(), Map.of(), 0, null));
        awaitStatus(workflow, id, ExecutionStatus.WAITING);

        assertThat(workflows.cancel(id).status()).isEqualTo(ExecutionStatus.CANCELED);

        assertThat(runner.step(id)).isEqualTo(AsyncWorkflows.Next.REMOVE);
        assertThat(queries.count(logs, Filter.all())).isZero();
    }

    @Test
    void a_thousand_executions_each_run_exactly_once_across_a_restart() {
        var workflow = async(List.of(write("{{$context.n}}")), 0);
        var ids = transaction.execute(s -> {
            var queued = new ArrayList<Long>();
            for (int n = 1; n <= 1000; n++) {
                queued.add(runner.queue(workflow.id(), Map.of("n", n), 0, null));
            }
            return queued;
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> queries.count(logs, Filter.all()) >= 200);
        async.restart();
        await().atMost(Duration.ofSeconds(120)).until(() -> workflows.executions(workflow.id(), 2000).stream()
                .allMatch(e -> e.status().isFinal()));

        assertThat(workflows.executions(workflow.id(), 2000)).hasSize(1000)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.RESOLVED));
        assertThat(queries.count(logs, Filter.all())).isEqualTo(1000);
        assertThat(ids).hasSize(1000);
    }

    @Test
    void what_a_stopping_instance_had_picked_and_not_run_is_handed_back_at_once() {
        var workflow = async(List.of(write("{{$context.n}}")), 0);
        async.stop();
        long id = transaction.execute(s -> runner.queue(workflow.id(), Map.of("n", 7), 0, null));
        // as a batch fetched ahead of running it: picked under this instance's name when it stops
        var tasks = org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("scheduled_tasks"));
        int picked = dsl.update(tasks)
                .set(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("picked")), true)
                .set(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("picked_by")), settings.instance())
                .set(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("last_heartbeat")), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("task_instance")).eq(String.valueOf(id))).execute();
        assertThat(picked).isEqualTo(1);

        async.restart();

        // at once, not after the missed heartbeats (20 s and more)
        await().atMost(Duration.ofSeconds(5)).until(() -> summary(workflow, id).status() == ExecutionStatus.RESOLVED);
    }

    private ExecutionSummary awaitStatus(WorkflowDefinition workflow, long executionId, ExecutionStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> summary(workflow, executionId).status() == status);
        return summary(workflow, executionId);
    }

    private ExecutionSummary summary(WorkflowDefinition workflow, long executionId) {
        return workflows.executions(workflow.id(), 2000).stream().filter(e -> e.id() == executionId).findFirst().orElseThrow();
    }

    /** Polls in the test's thread, which carries the signed-in admin. */
    private static org.awaitility.core.ConditionFactory await() {
        return org.awaitility.Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(100));
    }

    private WorkflowDefinition async(List<NodeDef> nodes, int retries) {
        var workflow = workflows.create(new WorkflowDraft("Async " + UUID.randomUUID(), null, TriggerType.POST_ACTION,
                Map.of("collection", logs), false, retries));
        return workflows.updateGraph(workflow.id(), new WorkflowGraph(nodes));
    }

    private NodeDef write(String n) {
        return NodeDef.of("write", "create", Map.of("collection", logs, "values", Map.of("n", n)));
    }
}
