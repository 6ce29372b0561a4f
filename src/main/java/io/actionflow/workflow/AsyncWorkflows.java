package io.actionflow.workflow;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The asynchronous runner: every queued execution is a row of db-scheduler, picked by exactly one node of a cluster,
 * run step by step (until it ends or waits), rescheduled for waits and retries, and picked up again after a restart.
 * Scheduling joins the caller's transaction, so an execution queued by an action starts only once the action commits.
 */
@Component
class AsyncWorkflows implements SmartLifecycle {

    static final String TASK = "workflow-execution";
    /** The fires of schedules: one row per fixed schedule (its workflow's key) or per record of a date-field one. */
    static final String FIRE_TASK = "workflow-schedule";
    private static final Logger log = LoggerFactory.getLogger(AsyncWorkflows.class);

    private final DataSource dataSource;
    private final WorkflowRunner.RunnerSettings settings;
    private final CustomTask<Long> task;
    private final CustomTask<Void> fireTask;
    private volatile Scheduler scheduler;
    private volatile StepRunner steps;
    private volatile FireRunner fires = id -> Next.REMOVE;
    private final ExecutionRetention retention;
    private final ScheduledExecutions scheduled;
    /** The name this instance picks executions under. */
    private final String instance;

    /** Runs one step of an execution; set by the runner, which needs this component to queue. */
    interface StepRunner {
        /** Returns what is left to do with the execution's row once the step is over. */
        Next step(long executionId);
    }

    /** Makes a schedule's fire (one instance of the schedule task); set by the schedule trigger. */
    interface FireRunner {
        /** Returns when to wake again for this schedule, or that it is over. */
        Next fire(String instanceId);
    }

    /**
     * What a step leaves to do with its execution's row: run it again at a time (a wait, a retry), remove it, or nothing
     * when the step removed it itself, in its own transaction.
     */
    record Next(Instant at, boolean removed) {
        static final Next REMOVE = new Next(null, false);
        static final Next REMOVED = new Next(null, true);

        static Next at(Instant when) {
            return new Next(when, false);
        }
    }

    AsyncWorkflows(DataSource dataSource, WorkflowRunner.RunnerSettings settings,
            ExecutionRetention retention, ScheduledExecutions scheduled) {
        this.scheduled = scheduled;
        this.instance = settings.instance();
        this.retention = retention;
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.settings = settings;
        this.task = Tasks.custom(TASK, Long.class).execute(this::execute);
        this.fireTask = Tasks.custom(FIRE_TASK, Void.class).execute(this::fire);
    }

    void steps(StepRunner runner) {
        this.steps = runner;
    }

    void fires(FireRunner runner) {
        this.fires = runner;
    }

    /** Wakes the schedule task {@code id} at {@code when} (moved there if it is waiting already), in the current transaction. */
    void scheduleFire(String id, Instant when) {
        scheduler().schedule(fireTask.instance(id), when, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /** Wakes many schedule tasks, none of which is waiting yet, each at its time: batched inserts. */
    void scheduleFires(java.util.Map<String, Instant> due) {
        if (!due.isEmpty()) {
            scheduler().scheduleBatch(due.entrySet().stream()
                    .<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>>map(e ->
                            com.github.kagkarlsson.scheduler.task.SchedulableInstance.of(fireTask.instance(e.getKey()), e.getValue()))
                    .toList());
        }
    }

    /** Stops waking the schedule task {@code id}, in the current transaction. */
    void cancelFire(String id) {
        scheduled.remove(FIRE_TASK, id);
    }

    private CompletionHandler<Void> fire(TaskInstance<Void> instance, ExecutionContext context) {
        return completion(fires.fire(instance.getId()));
    }

    /**
     * Queues an execution to run at {@code when}, in the current transaction if there is one; nothing changes when it is
     * queued already.
     */
    void schedule(long executionId, Instant when) {
        scheduler().schedule(task.instance(String.valueOf(executionId)), when);
    }

    /**
     * Runs a waiting execution at {@code when}, earlier than the time it waits for if it waits for one (a form submitted
     * before its deadline). An execution running at this moment is left to its own next time: what it waits for is
     * read again then.
     */
    void wake(long executionId, Instant when) {
        try {
            scheduler().schedule(task.instance(String.valueOf(executionId)), when,
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException running) {
            log.debug("Execution {} is running; it reads what it waits for when it next runs", executionId);
        }
    }

    /**
     * Queues an execution that was never queued (just recorded, or the next of a chain): one insert, without first
     * looking for it. The execution's id is the task's, so the task carries no data to serialize.
     */
    void scheduleNew(long executionId, Instant when) {
        scheduler().scheduleBatch(List.of(task.instance(String.valueOf(executionId))), when);
    }

    void cancel(long executionId) {
        try {
            scheduler().cancel(TaskInstanceId.of(TASK, String.valueOf(executionId)));
        } catch (RuntimeException e) {
            log.debug("No scheduled run to cancel for execution {}: {}", executionId, e.toString());
        }
    }

    private CompletionHandler<Long> execute(TaskInstance<Long> instance, ExecutionContext context) {
        Next next;
        // what a step logs names its execution and workflow (structured logs carry them as fields)
        org.slf4j.MDC.put("execution", instance.getId());
        try {
            next = steps.step(Long.parseLong(instance.getId()));
        } finally {
            org.slf4j.MDC.remove("execution");
            org.slf4j.MDC.remove("workflow");
        }
        return completion(next);
    }

    /** What db-scheduler does with a task's row once it ran: runs it again at a time, leaves it (gone), or removes it. */
    private static <T> CompletionHandler<T> completion(Next next) {
        if (next.at() != null) {
            return (complete, operations) -> operations.reschedule(complete, next.at());
        }
        if (next.removed()) {
            return (complete, operations) -> { };
        }
        return (complete, operations) -> operations.remove();
    }

    /**
     * Removes an execution's row in the current transaction: a step that ends its execution, or leaves it waiting for
     * an outside event, lets go of it when it commits. Removed only after that commit, a decision taken in between
     * (the approver answers the moment the task appears) found the row still there, queued nothing, and was lost.
     */
    void removeWithStep(long executionId) {
        scheduled.remove(TASK, String.valueOf(executionId));
    }

    private synchronized Scheduler scheduler() {
        if (scheduler == null) {
            scheduler = build();
        }
        return scheduler;
    }

    private Scheduler build() {
        log.info("Running asynchronous executions as instance '{}'; those of an instance that stops without handing them"
                + " back run again within {} s", instance, settings.orphanResume().toSeconds());
        var builder = Scheduler.create(dataSource, task, fireTask)
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(settings.asyncThreads())
                .pollingInterval(settings.asyncPolling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(10))
                .startTasks(retention.task())
                .alwaysPersistTimestampInUTC();
        if (postgres()) {
            builder.pollUsingLockAndFetch(1.0, 4.0);
        }
        return builder.build();
    }

    private boolean postgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void start() {
        scheduler().start();
    }

    /**
     * Stops picking, lets the steps that run finish (up to 10 s), then hands back what this instance had picked and not
     * run (a batch fetched ahead, a step that did not finish in time): another instance runs it at once instead of
     * after the missed heartbeats. A step handed back that was still running cannot write twice: its history is
     * written only if the execution's version is still the one it read, and db-scheduler's own row carries a version.
     */
    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
            handBack();
        }
    }

    /** Unpicks the executions picked under this instance's name; returns how many. */
    int handBack() {
        try {
            int handed = scheduled.handBack(instance);
            if (handed > 0) {
                log.info("Handed back {} executions picked by instance '{}' and not run", handed, instance);
            }
            return handed;
        } catch (org.jooq.exception.DataAccessException | org.springframework.dao.DataAccessException e) {
            log.warn("Could not hand back the executions of instance '{}'; they run again after the missed heartbeats: {}",
                    instance, e.toString());
            return 0;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops picking up executions and starts again, as a restart of this node would. */
    synchronized void restart() {
        stop();
        start();
    }
}
