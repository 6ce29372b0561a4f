package io.actionflow.workflow;

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
            @DefaultValue("200ms") Duration asyncPolling, @DefaultValue("10s") Duration retryBackoff) {
    }

    private final WorkflowRepository workflows;
    private final ExecutionRepository executions;
    private final JobRepository jobs;
    private final AsyncWorkflows async;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final Processor processor;
    private final ExecutionRecorder recorder;
    private final WorkflowJson json;
    private final RunnerSettings settings;
    private final Clock clock;

    WorkflowRunner(WorkflowRepository workflows, ExecutionRepository executions, JobRepository jobs, AsyncWorkflows async,
            org.springframework.transaction.support.TransactionTemplate transaction, Processor processor,
            ExecutionRecorder recorder, WorkflowJson json, RunnerSettings settings, Clock clock) {
        this.workflows = workflows;
        this.executions = executions;
        this.jobs = jobs;
        this.async = async;
        this.transaction = transaction;
        async.steps(this::step);
        this.processor = processor;
        this.recorder = recorder;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs this version now, whatever its state (test runs and the service API). */
    public RunOutcome runSync(long workflowId, Map<String, Object> context, int depth) {
        var workflow = workflows.findById(workflowId).orElseThrow(() -> new io.actionflow.platform.NotFoundException("workflow.notFound", workflowId));
        return run(workflow, context, depth, null, false);
    }

    /**
     * Records an asynchronous execution of this version in the current transaction and queues it; it starts once that
     * transaction commits (and never, if it rolls back).
     */
    public long queue(long workflowId, Map<String, Object> context, int depth, Long parentId) {
        var workflow = workflows.findById(workflowId).orElseThrow(() -> new io.actionflow.platform.NotFoundException("workflow.notFound", workflowId));
        long id = executions.save(ExecutionEntity.queued(workflow, json.write(context), depth, parentId, clock.instant())).getId();
        async.schedule(id, clock.instant());
        return id;
    }

    /**
     * One step of an asynchronous execution, in a transaction of its own: it replays what ran before and goes on until
     * the workflow ends or waits. Returns when to run again (a wait, or a retry after a failure), or null when done.
     */
    Instant step(long executionId) {
        var execution = executions.findById(executionId).orElse(null);
        if (execution == null || execution.getStatus().isFinal()) {
            return null;
        }
        var workflow = workflows.findById(execution.getWorkflowId()).orElseThrow();
        var recorded = jobs.findByExecutionIdOrderById(executionId).stream()
                .filter(j -> j.getStatus() == JobStatus.RESOLVED || j.getStatus() == JobStatus.WAITING)
                .map(j -> new JobState(j.getJobKey(), j.getNodeKey(), j.getStatus(), json.read(j.getInput()),
                        json.read(j.getOutput()), j.getBranch(), j.getResumeAt(), j.getError(), j.getDurationMicros()))
                .toList();
        var ran = new ArrayList<JobState>();
        RunResult result;
        if (execution.getDepth() > settings.maxDepth()) {
            result = new RunResult(ExecutionStatus.ABORTED, List.of(), "Workflows started one another more than "
                    + settings.maxDepth() + " levels deep.", null);
        } else {
            result = transaction.execute(status -> {
                var state = new ExecutionState(json.readMap(execution.getContext()), false,
                        clock.instant().plus(settings.asyncTimeout()), recorded);
                var outcome = processor.run(json.graph(workflow), state, ran::add);
                if (outcome.status() == ExecutionStatus.FAILED || outcome.status() == ExecutionStatus.ERROR) {
                    status.setRollbackOnly();
                } else {
                    // the step's history commits with the writes of its nodes
                    recorder.stepInTransaction(executionId, ran, outcome);
                }
                return outcome;
            });
            if (result.status() != ExecutionStatus.FAILED && result.status() != ExecutionStatus.ERROR) {
                return result.status() == ExecutionStatus.WAITING ? result.resumeAt() : null;
            }
        }
        boolean failed = result.status() == ExecutionStatus.FAILED || result.status() == ExecutionStatus.ERROR;
        if (failed && execution.getAttempts() < workflow.getRetries()) {
            Instant retryAt = clock.instant().plus(settings.retryBackoff().multipliedBy(1L << Math.min(execution.getAttempts(), 6)));
            recorder.finishStep(executionId, ran, new RunResult(ExecutionStatus.QUEUED, result.messages(),
                    "Attempt " + (execution.getAttempts() + 1) + " failed: " + result.error(), retryAt), true);
            return retryAt;
        }
        recorder.finishStep(executionId, ran, result, failed);
        return result.status() == ExecutionStatus.WAITING ? result.resumeAt() : null;
    }

    RunOutcome run(WorkflowEntity workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun) {
        var ran = new ArrayList<JobState>();
        RunResult result;
        if (depth > settings.maxDepth()) {
            result = new RunResult(ExecutionStatus.ABORTED, List.of(),
                    "Workflows started one another more than " + settings.maxDepth() + " levels deep.", null);
        } else {
            var state = new ExecutionState(context, workflow.isSynchronous(), clock.instant().plus(settings.syncTimeout()), List.of());
            result = processor.run(json.graph(workflow), state, ran::add);
        }
        long executionId = recorder.completed(workflow, context, depth, parentId, testRun, ran, result);
        return new RunOutcome(executionId, result.status(), result.messages(), result.error());
    }
}
