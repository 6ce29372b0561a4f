package io.actionflow.workflow;

import static io.actionflow.platform.RenderedStatements.parameter;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.platform.RenderedStatements;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.JobStatus;
import io.actionflow.workflow.engine.RunResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes executions and their jobs, in few statements: they are written on every click that runs a workflow.
 * <ul>
 * <li>A synchronous run is written in its caller's transaction, two statements however many nodes ran; if that
 * transaction does not commit (a blocked action), the run is written again, under the same id, on the same connection
 * once the rollback is done, so the history keeps it. Test runs, whose records always roll back, are written on their
 * own at once.</li>
 * <li>A step of an asynchronous execution is read and written in the step's transaction, with the writes of its
 * nodes; a failed step, whose writes roll back, is written on its own.</li>
 * </ul>
 */
@Component
class ExecutionRecorder {

    private static final Table<?> EXECUTION = table(name("af_execution"));
    private static final Table<?> JOB = table(name("af_job"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<Long> EXECUTION_ID = field(name("execution_id"), Long.class);
    private static final Field<Long> WORKFLOW_ID = field(name("workflow_id"), Long.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<String> CONTEXT = field(name("context"), String.class);
    private static final Field<String> MESSAGES = field(name("messages"), String.class);
    private static final Field<String> ERROR = field(name("error"), String.class);
    private static final Field<Integer> DEPTH = field(name("depth"), Integer.class);
    private static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
    private static final Field<OffsetDateTime> RESUME_AT = field(name("resume_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<Long> NEXT_ID = field(name("next_id"), Long.class);
    private static final Field<String> JOB_KEY = field(name("job_key"), String.class);
    private static final Field<String> NODE_KEY = field(name("node_key"), String.class);
    private static final Field<String> INPUT = field(name("input"), String.class);
    private static final Field<String> OUTPUT = field(name("output"), String.class);
    private static final Field<String> BRANCH = field(name("branch"), String.class);
    private static final Field<Long> DURATION = field(name("duration_micros"), Long.class);
    /** The columns of an execution's row as {@link #insert} writes them, in the order of its values. */
    private static final List<Field<?>> EXECUTION_COLUMNS = List.of(WORKFLOW_ID, field(name("wf_key"), String.class),
            field(name("wf_version"), Integer.class), STATUS, CONTEXT, MESSAGES, ERROR, field(name("parent_id"), Long.class), DEPTH,
            field(name("test_run"), Boolean.class), field(name("created_at"), OffsetDateTime.class), FINISHED_AT,
            field(name("operator"), String.class), field(name("source"), String.class), field(name("page_id"), Long.class),
            field(name("block_id"), Long.class), field(name("button_id"), Long.class), field(name("origin_label"), String.class),
            field(name("record_ids"), String.class));
    private static final List<Field<?>> JOB_COLUMNS = List.of(EXECUTION_ID, JOB_KEY, NODE_KEY, STATUS, INPUT, OUTPUT,
            BRANCH, RESUME_AT, ERROR, DURATION, field(name("created_at"), OffsetDateTime.class));

    /** An asynchronous execution as a step finds it. */
    record Stored(long id, long workflowId, ExecutionStatus status, String context, int depth, int attempts,
            Instant resumeAt, long version, Long nextId) {

        /** Queued and never run: it has no jobs yet. */
        boolean fresh() {
            return status == ExecutionStatus.QUEUED && resumeAt == null && attempts == 0;
        }
    }

    private final WorkflowJson json;
    private final Clock clock;
    private final DSLContext dsl;
    private final RenderedStatements statements;
    private final TransactionTemplate separately;
    private final DataSource dataSource;

    ExecutionRecorder(WorkflowJson json, Clock clock, DSLContext dsl, RenderedStatements statements,
            PlatformTransactionManager transactions, DataSource dataSource) {
        this.statements = statements;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.dsl = dsl;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a whole synchronous run at its end: the execution with its final status, and every job. Returns its id
     * (0 when the caller's transaction was broken and the run is written after it ends).
     */
    long completed(WorkflowVersion workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun,
            ExecutionOrigin origin, List<JobState> ran, RunResult result) {
        String contextJson = json.write(context);
        boolean joinCaller = !testRun && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (!joinCaller) {
            return separately.execute(status -> insert(null, workflow, contextJson, depth, parentId, testRun, origin, ran, result));
        }
        long id;
        try {
            id = insert(null, workflow, contextJson, depth, parentId, false, origin, ran, result);
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException broken) {
            // the caller's transaction can take no more statements (on PostgreSQL, after a failed one): it will roll
            // back, and the run is written once it has
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    afterRollback(() -> insert(null, workflow, contextJson, depth, parentId, false, origin, ran, result));
                }
            });
            return 0;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    // identity values are not handed out again after a rollback: the id stays free for this
                    afterRollback(() -> insert(id, workflow, contextJson, depth, parentId, false, origin, ran, result));
                }
            }
        });
        return id;
    }

    /**
     * Writes a run once its caller's transaction has ended without committing, on the connection that transaction
     * used (still this thread's while the transaction completes), committed on its own. A second connection taken from
     * the pool here, while this one is held, could wait for ever: when every connection is held by a thread that waits
     * for a second one too (many clicks blocked by a pre-action at once).
     */
    private void afterRollback(Runnable write) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            write.run();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The run's history could not be committed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Records an execution to run later, in the current transaction. */
    long queued(WorkflowVersion workflow, Map<String, Object> context, int depth, Long parentId, ExecutionOrigin origin) {
        return insert(null, workflow, json.write(context), depth, parentId, false, origin, List.of(),
                new RunResult(ExecutionStatus.QUEUED, List.of(), null, null));
    }

    private long insert(Long id, WorkflowVersion workflow, String context, int depth, Long parentId, boolean testRun,
            ExecutionOrigin origin, List<JobState> ran, RunResult result) {
        var now = utc(clock.instant());
        // a run recorded once it is over started as long before as its nodes took: the history shows its real duration
        long ranMicros = ran.stream().mapToLong(JobState::durationMicros).sum();
        String ids = String.join(",", origin.recordIds().stream().map(String::valueOf).toList());
        Object[] values = {workflow.id(), workflow.key(), workflow.number(), result.status().name(), context,
                result.messages().isEmpty() ? null : String.join("\n", result.messages()), clip(result.error()), parentId,
                depth, testRun, result.status().isFinal() ? now.minusNanos(ranMicros * 1000) : now,
                result.status().isFinal() ? now : null, origin.operator(), origin.source(), origin.pageId(), origin.blockId(),
                origin.buttonId(), origin.label() == null ? null
                        : origin.label().length() > 300 ? origin.label().substring(0, 300) : origin.label(),
                ids.isEmpty() ? null : ids.length() > 2000 ? ids.substring(0, ids.lastIndexOf(',', 1990)) + ",…" : ids, id};
        long written = statements.queryOne(new ExecutionRow(id != null), dsl -> {
            var row = new LinkedHashMap<Field<?>, Object>();
            for (int i = 0; i < EXECUTION_COLUMNS.size(); i++) {
                row.put(EXECUTION_COLUMNS.get(i), parameter(i, EXECUTION_COLUMNS.get(i).getDataType()));
            }
            if (id != null) {
                row.put(ID, parameter(EXECUTION_COLUMNS.size(), ID.getDataType()));
            }
            return dsl.insertInto(EXECUTION).set(row).returning(ID);
        }, rs -> rs.getLong(1), values);
        insertJobs(written, ran);
        return written;
    }

    /** The execution as it is now, or null when it no longer exists. */
    Stored load(long executionId) {
        return statements.queryOne(Statement.LOAD, dsl -> dsl.select(WORKFLOW_ID, STATUS, CONTEXT, DEPTH, ATTEMPTS, RESUME_AT,
                VERSION, NEXT_ID).from(EXECUTION).where(ID.eq(parameter(0, ID.getDataType()))), rs -> new Stored(executionId,
                rs.getLong(1), ExecutionStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getInt(5),
                instant(rs.getObject(6, OffsetDateTime.class)), rs.getLong(7), rs.getObject(8, Long.class)), executionId);
    }

    /** Makes {@code next} run after {@code first} has ended. */
    void link(long first, long next) {
        dsl.update(EXECUTION).set(NEXT_ID, next).where(ID.eq(first)).execute();
    }

    /** Every job recorded for the execution, in the order they ran. */
    List<JobState> jobs(long executionId) {
        return dsl.select(JOB_KEY, NODE_KEY, STATUS, INPUT, OUTPUT, BRANCH, RESUME_AT, ERROR, DURATION).from(JOB)
                .where(EXECUTION_ID.eq(executionId)).orderBy(ID)
                .fetch(r -> new JobState(r.get(JOB_KEY), r.get(NODE_KEY), JobStatus.valueOf(r.get(STATUS)),
                        json.read(r.get(INPUT)), json.read(r.get(OUTPUT)), r.get(BRANCH), instant(r.get(RESUME_AT)),
                        r.get(ERROR), r.get(DURATION)));
    }

    /**
     * Records a step in the current transaction: jobs that ran for the first time in one statement, jobs that were
     * waiting updated, and the execution's new state. Returns false, writing nothing, when the execution was changed
     * meanwhile (canceled while the step ran): then the step's transaction must roll back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean step(Stored execution, Set<String> storedKeys, List<JobState> ran, RunResult result) {
        return write(execution, storedKeys, ran, result, 0);
    }

    /**
     * Records a failed attempt of a step (its writes rolled back) in a transaction without them: its jobs, one more
     * attempt, and the execution's new state. Returns the execution to start next when this one has ended, or null.
     */
    @Transactional
    public Long failedStep(long executionId, List<JobState> ran, RunResult result) {
        var execution = load(executionId);
        if (execution == null) {
            return null;
        }
        var storedKeys = Set.copyOf(dsl.select(JOB_KEY).from(JOB).where(EXECUTION_ID.eq(executionId)).fetch(JOB_KEY));
        boolean written = write(execution, storedKeys, ran, result, 1);
        return written && result.status().isFinal() ? execution.nextId() : null;
    }

    private boolean write(Stored execution, Set<String> storedKeys, List<JobState> ran, RunResult result, int attempts) {
        var now = clock.instant();
        int updated = statements.execute(Statement.WRITE, dsl -> dsl.update(EXECUTION)
                .set(STATUS, parameter(0, STATUS.getDataType()))
                .set(ERROR, parameter(1, ERROR.getDataType()))
                .set(MESSAGES, parameter(2, MESSAGES.getDataType()))
                .set(RESUME_AT, parameter(3, RESUME_AT.getDataType()))
                .set(FINISHED_AT, parameter(4, FINISHED_AT.getDataType()))
                .set(ATTEMPTS, ATTEMPTS.plus(parameter(5, ATTEMPTS.getDataType())))
                .set(VERSION, VERSION.plus(org.jooq.impl.DSL.inline(1L)))
                .where(ID.eq(parameter(6, ID.getDataType())).and(VERSION.eq(parameter(7, VERSION.getDataType())))),
                result.status().name(), clip(result.error()),
                result.messages().isEmpty() ? null : String.join("\n", result.messages()), utc(result.resumeAt()),
                result.status().isFinal() ? utc(now) : null, attempts, execution.id(), execution.version());
        if (updated == 0) {
            return false;
        }
        var added = new ArrayList<JobState>();
        for (JobState job : ran) {
            if (storedKeys.contains(job.jobKey())) {
                dsl.update(JOB).set(STATUS, job.status().name()).set(INPUT, json.write(job.input()))
                        .set(OUTPUT, json.write(job.output())).set(BRANCH, job.branch()).set(RESUME_AT, utc(job.resumeAt()))
                        .set(ERROR, clip(job.error())).set(DURATION, job.durationMicros())
                        .where(EXECUTION_ID.eq(execution.id()).and(JOB_KEY.eq(job.jobKey()))).execute();
            } else {
                added.add(job);
            }
        }
        insertJobs(execution.id(), added);
        return true;
    }

    /** Jobs in one statement: one round trip, however many nodes ran. */
    private void insertJobs(long executionId, List<JobState> ran) {
        if (ran.isEmpty()) {
            return;
        }
        var now = utc(clock.instant());
        var values = new ArrayList<Object>(ran.size() * JOB_COLUMNS.size());
        for (JobState job : ran) {
            values.addAll(java.util.Arrays.asList(executionId, job.jobKey(), job.nodeKey(), job.status().name(),
                    json.write(job.input()), json.write(job.output()), job.branch(), utc(job.resumeAt()), clip(job.error()),
                    job.durationMicros(), now));
        }
        int rows = ran.size();
        statements.execute(new JobRows(rows), dsl -> {
            var insert = dsl.insertInto(JOB, JOB_COLUMNS);
            org.jooq.InsertValuesStepN<?> written = null;
            int index = 0;
            for (int row = 0; row < rows; row++) {
                var placeholders = new ArrayList<Field<?>>(JOB_COLUMNS.size());
                for (Field<?> column : JOB_COLUMNS) {
                    placeholders.add(parameter(index++, column.getDataType()));
                }
                written = written == null ? insert.values(placeholders) : written.values(placeholders);
            }
            return written;
        }, values.toArray());
    }

    /** Statements of a fixed shape. */
    private enum Statement { LOAD, WRITE }

    /** The shape of an execution's insert: with the id it had when its first write rolled back, or a new one. */
    private record ExecutionRow(boolean withId) {
    }

    /** The shape of an insert of so many jobs. */
    private record JobRows(int rows) {
    }

    private static String clip(String error) {
        return error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
