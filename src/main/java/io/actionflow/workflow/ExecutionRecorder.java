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

    private final org.jooq.DSLContext dsl;

    ExecutionRecorder(ExecutionRepository executions, JobRepository jobs, WorkflowJson json, Clock clock, org.jooq.DSLContext dsl) {
        this.dsl = dsl;
        this.executions = executions;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a whole synchronous run at its end, in one transaction of its own: the execution with its final status
     * and every job. (One commit per run, and the history stays when the caller rolls back.)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long completed(WorkflowEntity workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun,
            List<JobState> ran, RunResult result) {
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            // history may lose its last milliseconds in a crash; the click must not wait for the disk for it
            dsl.execute("set local synchronous_commit to off");
        }
        long id = executions.save(ExecutionEntity.ended(workflow, json.write(context), depth, parentId, testRun,
                result.status(), result.error(), String.join("\n", result.messages()), clock.instant())).getId();
        insertJobs(id, ran);
        return id;
    }

    /** Records a step of an asynchronous execution in the current transaction, with the writes of its nodes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stepInTransaction(long executionId, List<JobState> ran, RunResult result) {
        record(executionId, ran, result, false);
    }

    /** All jobs of a new execution in one statement: one round trip, however many nodes ran. */
    private void insertJobs(long executionId, List<JobState> ran) {
        if (ran.isEmpty()) {
            return;
        }
        var now = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var insert = dsl.insertInto(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("af_job")), JOB_COLUMNS);
        org.jooq.InsertValuesStepN<?> rows = null;
        for (JobState job : ran) {
            Object[] values = {executionId, job.jobKey(), job.nodeKey(), job.status().name(), json.write(job.input()),
                    json.write(job.output()), job.branch(),
                    job.resumeAt() == null ? null : java.time.OffsetDateTime.ofInstant(job.resumeAt(), java.time.ZoneOffset.UTC),
                    job.error() == null ? null : job.error().length() > 4000 ? job.error().substring(0, 4000) : job.error(),
                    job.durationMicros(), now};
            rows = rows == null ? insert.values(values) : rows.values(values);
        }
        rows.execute();
    }

    private static final List<org.jooq.Field<?>> JOB_COLUMNS = java.util.stream.Stream.of("execution_id", "job_key",
            "node_key", "status", "input", "output", "branch", "resume_at", "error", "duration_micros", "created_at")
            .<org.jooq.Field<?>>map(c -> org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(c))).toList();

    /** Records a step of an asynchronous execution on its own (a failed step, whose writes rolled back). */
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
