package io.actionflow.workflow;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.ExecutionState;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.JobStatus;
import io.actionflow.workflow.engine.Processor;
import io.actionflow.workflow.engine.RunResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

/**
 * Runs a workflow synchronously, in the caller's thread and transaction: what its nodes write commits or rolls back
 * with the caller. Workflows started by workflows carry their depth; past the stack limit they are aborted unrun.
 */
@Service
public class WorkflowRunner {

    /** Time limit of a synchronous execution, and how deep workflows may start workflows. */
    @ConfigurationProperties("actionflow.workflow")
    record RunnerSettings(@DefaultValue("10s") Duration syncTimeout, @DefaultValue("5") int maxDepth,
            @DefaultValue("5m") Duration asyncTimeout, @DefaultValue("4") int asyncThreads,
            @DefaultValue("200ms") Duration asyncPolling, @DefaultValue("10s") Duration retryBackoff,
            @DefaultValue("5s") Duration heartbeat, @DefaultValue("4") int missedHeartbeats, String instanceName) {

        /**
         * The name this instance runs executions under (shown in {@code scheduled_tasks.picked_by}): the one configured,
         * else the host's name and the process id, so that two instances on one host are told apart.
         */
        String instance() {
            if (instanceName != null && !instanceName.isBlank()) {
                return instanceName.strip();
            }
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "actionflow";
            }
            return host + "-" + ProcessHandle.current().pid();
        }

        /** How long after an instance died the executions it had picked are run again (at most). */
        Duration orphanResume() {
            // db-scheduler declares an execution dead after the missed heartbeats and looks every two heartbeats
            return heartbeat.multipliedBy(missedHeartbeats + 2L);
        }
    }

    private final WorkflowVersions versions;
    private final AsyncWorkflows async;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final Processor processor;
    private final ExecutionRecorder recorder;
    private final WorkflowJson json;
    private final RunnerSettings settings;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final io.actionflow.workflow.engine.Expressions expressions;
    private final WorkflowMetrics metrics;

    WorkflowRunner(WorkflowVersions versions, AsyncWorkflows async,
            org.springframework.transaction.support.TransactionTemplate transaction, Processor processor,
            ExecutionRecorder recorder, WorkflowJson json, RunnerSettings settings, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, io.actionflow.workflow.engine.Expressions expressions,
            WorkflowMetrics metrics) {
        this.metrics = metrics;
        this.events = events;
        this.expressions = expressions;
        this.json = json;
        this.versions = versions;
        this.async = async;
        this.transaction = transaction;
        async.steps(this::step);
        this.processor = processor;
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs this version now, whatever its state (test runs and the service API). */
    public RunOutcome runSync(long workflowId, Map<String, Object> context, int depth) {
        return runSync(workflowId, context, depth, ExecutionOrigin.NONE);
    }

    /** Runs this version now, in the caller's transaction, recording where the run came from. */
    public RunOutcome runSync(long workflowId, Map<String, Object> context, int depth, ExecutionOrigin origin) {
        return run(versions.require(workflowId), context, depth, null, false, origin);
    }

    /** How deep in workflows started by workflows the workflow this thread runs is; null outside any workflow. */
    private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

    /**
     * The depth a workflow started now (by a change a running workflow made, or by a click) runs at: one more than
     * the workflow this thread is running, or 0.
     */
    public static int nextDepth() {
        Integer running = DEPTH.get();
        return running == null ? 0 : running + 1;
    }

    private static <T> T atDepth(int depth, java.util.function.Supplier<T> work) {
        Integer before = DEPTH.get();
        DEPTH.set(depth);
        try {
            return work.get();
        } finally {
            if (before == null) {
                DEPTH.remove();
            } else {
                DEPTH.set(before);
            }
        }
    }

    /** Whether a condition (a sandboxed expression, as in Condition nodes) holds for this context. */
    public boolean holds(String expression, Map<String, Object> context) {
        try {
            return Boolean.TRUE.equals(expressions.evaluate(expression, Map.of("$context", context)));
        } catch (io.actionflow.workflow.engine.NodeFailure e) {
            return false;
        }
    }

    /** An asynchronous execution to queue: a version, its context and where it came from. */
    public record Queued(long workflowId, Map<String, Object> context, int depth, ExecutionOrigin origin) {
    }

    /**
     * Records asynchronous executions in the current transaction that run one after another, in this order: the
     * first starts once the transaction commits, each next one when the one before has ended (however it ended).
     */
    public List<Long> queueChain(List<Queued> chain) {
        var ids = new ArrayList<Long>();
        for (Queued queued : chain) {
            ids.add(recorder.queued(versions.require(queued.workflowId()), queued.context(), queued.depth(), null, queued.origin()));
        }
        for (int i = 0; i + 1 < ids.size(); i++) {
            recorder.link(ids.get(i), ids.get(i + 1));
        }
        if (!ids.isEmpty()) {
            async.scheduleNew(ids.getFirst(), clock.instant());
        }
        return ids;
    }

    /**
     * Records an asynchronous execution of this version in the current transaction and queues it; it starts once that
     * transaction commits (and never, if it rolls back).
     */
    public long queue(long workflowId, Map<String, Object> context, int depth, Long parentId) {
        long id = recorder.queued(versions.require(workflowId), context, depth, parentId, ExecutionOrigin.NONE);
        async.scheduleNew(id, clock.instant());
        return id;
    }

    /**
     * One step of an asynchronous execution, in a transaction of its own: it replays what ran before and goes on until
     * the workflow ends or waits. Returns when to run again (a wait for a time, or a retry after a failure), or that it
     * is done with the execution's row. A step that ends its execution, or leaves it waiting for an outside event (an
     * approval), removes that row in its own transaction: a decision that commits after it then queues a new one.
     */
    AsyncWorkflows.Next step(long executionId) {
        long started = System.nanoTime();
        var ran = new ArrayList<JobState>();
        // read, run and record in one transaction: what the nodes wrote commits with the step's history
        Step step = transaction.execute(status -> {
            var execution = recorder.load(executionId);
            if (execution == null || execution.status().isFinal()) {
                return null;
            }
            var workflow = versions.require(execution.workflowId());
            org.slf4j.MDC.put("workflow", workflow.key());
            var stored = execution.fresh() ? List.<JobState>of() : recorder.jobs(executionId);
            RunResult outcome;
            if (execution.depth() > settings.maxDepth()) {
                outcome = new RunResult(ExecutionStatus.ABORTED, List.of(),
                        io.actionflow.platform.Text.of("workflow.error.tooDeep", settings.maxDepth()).encoded(), null);
            } else {
                var recorded = stored.stream()
                        .filter(j -> j.status() == JobStatus.RESOLVED || j.status() == JobStatus.WAITING).toList();
                var state = new ExecutionState(executionId, json.readMap(execution.context()), false,
                        clock.instant().plus(settings.asyncTimeout()), recorded);
                outcome = atDepth(execution.depth(), () -> processor.run(workflow.graph(), state, ran::add));
            }
            boolean failed = outcome.status() == ExecutionStatus.FAILED || outcome.status() == ExecutionStatus.ERROR;
            if (failed) {
                // its writes roll back; the history of the attempt is written on its own below
                status.setRollbackOnly();
            } else if (!recorder.step(execution, stored.stream().map(JobState::jobKey).collect(java.util.stream.Collectors.toSet()), ran, outcome)) {
                // canceled while it ran: nothing of it stays
                status.setRollbackOnly();
                return null;
            } else if (runAgainAt(outcome) == null) {
                if (outcome.status().isFinal()) {
                    events.publishEvent(new ExecutionEnded(executionId, workflow.key(), workflow.triggerType(), outcome.status()));
                    startNext(execution.nextId());
                }
                async.removeWithStep(executionId);
            }
            return new Step(outcome, failed, execution.attempts(), workflow.retries(), workflow.key(), workflow);
        });
        if (step == null) {
            return AsyncWorkflows.Next.REMOVE;
        }
        RunResult result = step.result();
        metrics.stepped(step.workflow(), java.time.Duration.ofNanos(System.nanoTime() - started));
        if (!step.failed() && result.status().isFinal()) {
            metrics.ended(step.workflow(), result.status(), true);
        }
        if (!step.failed()) {
            Instant again = runAgainAt(result);
            return again == null ? AsyncWorkflows.Next.REMOVED : AsyncWorkflows.Next.at(again);
        }
        if (step.attempts() < step.retries()) {
            Instant retryAt = clock.instant().plus(settings.retryBackoff().multipliedBy(1L << Math.min(step.attempts(), 6)));
            // the error of the attempt stays on the execution while it waits for the next one
            recorder.failedStep(executionId, ran, new RunResult(ExecutionStatus.QUEUED, result.messages(), result.error(), retryAt));
            return AsyncWorkflows.Next.at(retryAt);
        }
        // failed for good: written with its row removed, so that a retry asked for the moment it shows failed queues it
        transaction.executeWithoutResult(status -> {
            Long next = recorder.failedStep(executionId, ran, result);
            async.removeWithStep(executionId);
            events.publishEvent(new ExecutionEnded(executionId, step.key(), step.workflow().triggerType(), result.status()));
            startNext(next);
        });
        metrics.ended(step.workflow(), result.status(), true);
        return AsyncWorkflows.Next.REMOVED;
    }

    /** When a step's execution runs again by itself: at the end of a wait for a time; null when it is over or waits for an outside event. */
    private static Instant runAgainAt(RunResult outcome) {
        return outcome.status() == ExecutionStatus.WAITING ? outcome.resumeAt() : null;
    }

    /**
     * Lets a waiting asynchronous execution go on now rather than at its set time (an approval was decided); it
     * runs once the current transaction commits.
     */
    public void resume(long executionId) {
        async.wake(executionId, clock.instant());
    }

    /** The next execution of a chain starts when the one before it has ended. */
    void startNext(Long nextId) {
        if (nextId != null) {
            async.schedule(nextId, clock.instant());
        }
    }

    /** What a step of an asynchronous execution came to. */
    private record Step(RunResult result, boolean failed, int attempts, int retries, String key, WorkflowVersion workflow) {
    }

    RunOutcome run(WorkflowVersion workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun,
            ExecutionOrigin origin) {
        var ran = new ArrayList<JobState>();
        RunResult result;
        if (depth > settings.maxDepth()) {
            result = new RunResult(ExecutionStatus.ABORTED, List.of(),
                    io.actionflow.platform.Text.of("workflow.error.tooDeep", settings.maxDepth()).encoded(), null);
        } else {
            var state = new ExecutionState(context, workflow.synchronous(), clock.instant().plus(settings.syncTimeout()), List.of());
            result = atDepth(depth, () -> processor.run(workflow.graph(), state, ran::add));
        }
        long executionId = recorder.completed(workflow, context, depth, parentId, testRun, origin, ran, result);
        if (!testRun) {
            metrics.ended(workflow, result.status(), false);
        }
        return new RunOutcome(executionId, result.status(), result.messages(), result.error(), result.stopped(), result.submitted(),
                result.response());
    }
}
