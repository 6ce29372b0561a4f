package io.actionflow.workflow;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.workflow.engine.ExecutionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of workflows (Prometheus names): {@code actionflow_executions_total} by workflow, trigger
 * type, mode and final status; {@code actionflow_workflow_step_seconds}, how long asynchronous steps take;
 * {@code actionflow_executions_queued}, the executions due and not yet picked, and
 * {@code actionflow_executions_queued_oldest_seconds}, how long the oldest of them has waited.
 */
@Component
class WorkflowMetrics implements MeterBinder {

    private static final org.jooq.Table<?> TASKS = table(name("scheduled_tasks"));
    private static final Field<String> TASK_NAME = field(name("task_name"), String.class);
    private static final Field<Boolean> PICKED = field(name("picked"), Boolean.class);
    private static final Field<OffsetDateTime> DUE = field(name("execution_time"), OffsetDateTime.class);

    private final ObjectProvider<MeterRegistry> registry;
    private final DSLContext dsl;
    private final Clock clock;

    WorkflowMetrics(ObjectProvider<MeterRegistry> registry, DSLContext dsl, Clock clock) {
        this.registry = registry;
        this.dsl = dsl;
        this.clock = clock;
    }

    /** An execution ended (a synchronous run, or an asynchronous one at its last step). */
    void ended(WorkflowVersion workflow, ExecutionStatus status, boolean asynchronous) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null) {
            String trigger = workflow.triggerType() == null ? "none" : workflow.triggerType().name();
            ended.computeIfAbsent(new Ended(workflow.key(), trigger, asynchronous, status), kind -> Counter
                    .builder("actionflow.executions")
                    .description("Workflow executions that ended") // i18n: not user-facing
                    .tag("workflow", kind.workflow()).tag("trigger", kind.trigger())
                    .tag("mode", kind.asynchronous() ? "async" : "sync").tag("status", kind.status().name())
                    .register(meters)).increment();
        }
    }

    private record Ended(String workflow, String trigger, boolean asynchronous, ExecutionStatus status) {
    }

    /** The counters by kind: looked up once, not built again for each execution. */
    private final java.util.concurrent.ConcurrentHashMap<Ended, Counter> ended = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Timer steps;

    /** An asynchronous step took {@code took}. */
    void stepped(Duration took) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null) {
            Timer timer = steps;
            if (timer == null) {
                timer = Timer.builder("actionflow.workflow.step")
                        .description("Steps of asynchronous executions") // i18n: not user-facing
                        .register(meters);
                steps = timer;
            }
            timer.record(took);
        }
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("actionflow.executions.queued", this, WorkflowMetrics::queued)
                .description("Asynchronous executions due and not picked yet") // i18n: not user-facing
                .register(meters);
        Gauge.builder("actionflow.executions.queued.oldest", this, WorkflowMetrics::oldestWait).baseUnit("seconds")
                .description("How long the oldest execution due has waited") // i18n: not user-facing
                .register(meters);
    }

    private double queued() {
        return dsl.select(count()).from(TASKS).where(TASK_NAME.eq(AsyncWorkflows.TASK), PICKED.isFalse(), DUE.le(now()))
                .fetchOne(0, Integer.class);
    }

    private double oldestWait() {
        OffsetDateTime oldest = dsl.select(min(DUE)).from(TASKS)
                .where(TASK_NAME.eq(AsyncWorkflows.TASK), PICKED.isFalse(), DUE.le(now())).fetchOne(0, OffsetDateTime.class);
        return oldest == null ? 0 : Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
