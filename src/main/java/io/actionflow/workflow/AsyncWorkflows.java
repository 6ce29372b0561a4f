package io.actionflow.workflow;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
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
    private static final Logger log = LoggerFactory.getLogger(AsyncWorkflows.class);

    private final DataSource dataSource;
    private final WorkflowRunner.RunnerSettings settings;
    private final CustomTask<Long> task;
    private volatile Scheduler scheduler;
    private volatile StepRunner steps;
    private final WorkflowMetrics metrics;

    /** Runs one step of an execution; set by the runner, which needs this component to queue. */
    interface StepRunner {
        /** Returns when the execution should run again, or null when it has ended. */
        Instant step(long executionId);
    }

    AsyncWorkflows(DataSource dataSource, WorkflowRunner.RunnerSettings settings, WorkflowMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.settings = settings;
        this.task = Tasks.custom(TASK, Long.class).execute(this::execute);
    }

    void steps(StepRunner runner) {
        this.steps = runner;
    }

    /** Queues an execution to run at {@code when}, in the current transaction if there is one. */
    void schedule(long executionId, Instant when) {
        scheduler().schedule(task.instance(String.valueOf(executionId), executionId), when);
    }

    void cancel(long executionId) {
        try {
            scheduler().cancel(TaskInstanceId.of(TASK, String.valueOf(executionId)));
        } catch (RuntimeException e) {
            log.debug("No scheduled run to cancel for execution {}: {}", executionId, e.toString());
        }
    }

    private CompletionHandler<Long> execute(TaskInstance<Long> instance, ExecutionContext context) {
        long started = System.nanoTime();
        Instant next = steps.step(instance.getData());
        metrics.stepped(Duration.ofNanos(System.nanoTime() - started));
        if (next == null) {
            return (complete, operations) -> operations.remove();
        }
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    private synchronized Scheduler scheduler() {
        if (scheduler == null) {
            scheduler = build();
        }
        return scheduler;
    }

    private Scheduler build() {
        String instance = settings.instance();
        log.info("Running asynchronous executions as instance '{}'; those of an instance that stops without handing them"
                + " back run again within {} s", instance, settings.orphanResume().toSeconds());
        var builder = Scheduler.create(dataSource, task)
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(settings.asyncThreads())
                .pollingInterval(settings.asyncPolling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(10))
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

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
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
