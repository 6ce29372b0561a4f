package io.actionflow.dispatch;

import io.actionflow.collections.TypedValues;
import io.actionflow.workflow.RunOutcome;
import io.actionflow.workflow.WorkflowRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pre-action workflows: synchronous, in plan order, before the action, on the submitted values and the ids the click
 * names (the records the action's own check covers; they reach nothing more). A failure blocks the request, an End
 * node with success stops it, both with nothing written; Update submitted data nodes change the values, which are read
 * into their types again before anything else sees them.
 */
@Component
class PreActionTrigger {

    private final WorkflowRunner runner;
    private final TypedValues typed;

    PreActionTrigger(WorkflowRunner runner, TypedValues typed) {
        this.runner = runner;
        this.typed = typed;
    }

    /** How the pre-action workflows left the request: go on with these values, or end it with this result. */
    sealed interface Outcome {

        record Proceed(Map<String, Object> values) implements Outcome {
        }

        record Ended(ActionResult result) implements Outcome {
        }
    }

    Outcome run(Click click, List<DispatchPlan.Step> steps, Map<String, Object> submitted, List<Message> messages) {
        Map<String, Object> values = submitted;
        for (DispatchPlan.Step step : steps) {
            RunOutcome outcome = runner.runSync(step.workflow().id(), context(click, values), 0, click.origin());
            if (!outcome.resolved()) {
                return new Outcome.Ended(new ActionResult.Blocked(Failures.of(outcome, messages)));
            }
            if (outcome.submitted() != null) {
                values = typed.read(click.collection(), outcome.submitted());
            }
            outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            if (outcome.stopped()) {
                return new Outcome.Ended(new ActionResult.Stopped(messages));
            }
        }
        return new Outcome.Proceed(values);
    }

    /** The submitted values (not database rows: a Query node reads those), and the id or ids the click names. */
    private static Map<String, Object> context(Click click, Map<String, Object> values) {
        var context = click.context();
        var params = new LinkedHashMap<String, Object>();
        if (!click.recordIds().isEmpty()) {
            params.put("filterByTk", click.recordIds().size() == 1 ? click.recordIds().getFirst() : click.recordIds());
        }
        params.put("values", new LinkedHashMap<>(values));
        context.put("params", params);
        context.put("data", new LinkedHashMap<>(values));
        context.put("action", click.actionName());
        context.put("collection", click.collection());
        return context;
    }
}
