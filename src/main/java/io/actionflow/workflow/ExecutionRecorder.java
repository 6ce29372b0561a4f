package io.actionflow.workflow;

import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.RunResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes executions and their jobs in transactions of their own: the history of a run stays when the caller's
 * transaction rolls back (a blocked action, a test run), and a run's jobs are written together at its end.
 */
@Component
class ExecutionRecorder {

    private final ExecutionRepository executions;
    private final JobRepository jobs;
    private final WorkflowJson json;
    private final Clock clock;

    ExecutionRecorder(ExecutionRepository executions, JobRepository jobs, WorkflowJson json, Clock clock) {
        this.executions = executions;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long start(WorkflowEntity workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun) {
        return executions.save(new ExecutionEntity(workflow, json.write(context), depth, parentId, testRun, clock.instant())).getId();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long executionId, List<JobState> ran, RunResult result) {
        record(executionId, ran, result, false);
    }

    /** Like {@link #finish}, for a step of an asynchronous execution; {@code failedAttempt} counts one more attempt. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int finishStep(long executionId, List<JobState> ran, RunResult result, boolean failedAttempt) {
        return record(executionId, ran, result, failedAttempt);
    }

    private int record(long executionId, List<JobState> ran, RunResult result, boolean failedAttempt) {
        var execution = executions.findById(executionId).orElseThrow();
        if (failedAttempt) {
            execution.countAttempt();
        }
        for (JobState job : ran) {
            var entity = jobs.findByExecutionIdAndJobKey(executionId, job.jobKey())
                    .orElseGet(() -> new JobEntity(executionId, job.jobKey(), job.nodeKey(), clock.instant()));
            entity.record(job.status(), json.write(job.input()), json.write(job.output()), job.branch(), job.resumeAt(),
                    job.error(), job.durationMicros());
            jobs.save(entity);
        }
        execution.finish(result.status(), result.error(), String.join("\n", result.messages()), result.resumeAt(), clock.instant());
        return execution.getAttempts();
    }
}
