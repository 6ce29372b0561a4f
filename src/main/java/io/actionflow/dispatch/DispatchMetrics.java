package io.actionflow.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What an operator watches of actions (Prometheus names): {@code actionflow_actions_total} by collection, action and
 * outcome (done, stopped, held, invalid, forbidden, notfound, blocked, error), and {@code actionflow_dispatch_seconds}
 * by action and outcome, from the click or call to its answer.
 */
@Component
class DispatchMetrics {

    /**
     * The registry, looked up once it exists: a lookup through the bean factory on every call was a measurable part of
     * its CPU.
     */
    private final SingletonSupplier<MeterRegistry> registry;

    DispatchMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = SingletonSupplier.of(registry::getIfAvailable);
    }

    void dispatched(ActionRequest request, ActionResult result, Duration took) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        String outcome = result == null ? "error" : result.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String collection = request.collection() == null ? "none" : request.collection();
        // every action counts: the meters of a kind are looked up once, not built again on each call
        meters(meters, collection, request.action(), outcome).record(took);
    }

    private record Kind(String collection, Action action, String outcome) {
    }

    private record Meters(Counter actions, Timer dispatch) {
        void record(Duration took) {
            actions.increment();
            dispatch.record(took);
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<Kind, Meters> kinds = new java.util.concurrent.ConcurrentHashMap<>();

    private Meters meters(MeterRegistry meters, String collection, Action action, String outcome) {
        return kinds.computeIfAbsent(new Kind(collection, action, outcome), kind -> {
            String name = action.name().toLowerCase(Locale.ROOT);
            return new Meters(
                    Counter.builder("actionflow.actions").description("Actions dispatched")
                            .tag("collection", collection).tag("action", name).tag("outcome", outcome).register(meters),
                    Timer.builder("actionflow.dispatch").description("From an action's request to its answer")
                            .tag("action", name).tag("outcome", outcome).register(meters));
        });
    }
}
