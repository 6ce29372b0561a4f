package io.actionflow.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of actions (Prometheus names): {@code actionflow_actions_total} by collection, action and
 * outcome (done, stopped, held, invalid, forbidden, notfound, blocked, error), and {@code actionflow_dispatch_seconds}
 * by action and outcome, from the click or call to its answer.
 */
@Component
class DispatchMetrics {

    private final ObjectProvider<MeterRegistry> registry;

    DispatchMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    void dispatched(ActionRequest request, ActionResult result, Duration took) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        String outcome = result == null ? "error" : result.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String action = request.action().name().toLowerCase(Locale.ROOT);
        Counter.builder("actionflow.actions").description("Actions dispatched")
                .tag("collection", request.collection() == null ? "none" : request.collection())
                .tag("action", action).tag("outcome", outcome)
                .register(meters).increment();
        Timer.builder("actionflow.dispatch").description("From an action's request to its answer")
                .tag("action", action).tag("outcome", outcome)
                .register(meters).record(took);
    }
}
