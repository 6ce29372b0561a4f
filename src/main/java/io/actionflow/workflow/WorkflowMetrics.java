package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What an operator watches of workflows (Prometheus names): {@code actionflow_executions_total} by workflow, trigger
 * type, mode and final status; {@code actionflow_workflow_step_seconds}, how long asynchronous steps take, by workflow;
 * {@code actionflow_executions_queued}, the executions due and not yet picked, and
 * {@code actionflow_executions_queued_oldest_seconds}, how long the oldest of them has waited.
 */
@Component
class WorkflowMetrics implements MeterBinder {

    /**
     * The registry, looked up once it exists: a lookup through the bean factory on every call was a measurable part of
     * its CPU.
     */
    private final SingletonSupplier<MeterRegistry> registry;
    private final ScheduledExecutions scheduled;

    WorkflowMetrics(ObjectProvider<MeterRegistry> registry, ScheduledExecutions scheduled) {
        this.registry = SingletonSupplier.of(registry::getIfAvailable);
        this.scheduled = scheduled;
    }

    /** An execution ended (a synchronous run, or an asynchronous one at its last step). */
    void ended(WorkflowVersion workflow, ExecutionStatus status, boolean asynchronous) {
        MeterRegistry meters = registry.get();
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
    /** The step timers by workflow, likewise. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> steps = new java.util.concurrent.ConcurrentHashMap<>();

    /** A step of an asynchronous execution of {@code workflow} took {@code took}. */
    void stepped(WorkflowVersion workflow, Duration took) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            steps.computeIfAbsent(workflow.key(), key -> Timer.builder("actionflow.workflow.step")
                    .description("Steps of asynchronous executions") // i18n: not user-facing
                    .tag("workflow", key)
                    .register(meters)).record(took);
        }
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("actionflow.executions.queued", scheduled, ScheduledExecutions::queued)
                .description("Asynchronous executions due and not picked yet") // i18n: not user-facing
                .register(meters);
        Gauge.builder("actionflow.executions.queued.oldest", scheduled, s -> s.oldestWait().toMillis() / 1000.0).baseUnit("seconds")
                .description("How long the oldest execution due has waited") // i18n: not user-facing
                .register(meters);
    }
}
