package io.actionflow.dispatch;

import io.actionflow.access.Act;
import io.actionflow.access.Reach;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.platform.NotFoundException;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.workflow.RunOutcome;
import io.actionflow.workflow.WorkflowRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Custom-action workflows, run by a Trigger workflow button or {@code :trigger}: on no record, on one (a form's values
 * laid over it), or on the selected ones; synchronous ones in the request, asynchronous ones queued as one chain. Each
 * step's context is read once ({@link #prepare}) with the records it reaches: the ones the click names (checked by the
 * action's own check), the records a relation points to ({@code key!secret}: the caller needs the right to run custom
 * actions on that record too), and the fields a form changed (the caller's right to write them). A workflow on no
 * record names the roles that may run it. What is checked is what runs.
 */
@Component
class CustomActionTrigger {

    private final WorkflowRunner runner;
    private final RecordData data;

    CustomActionTrigger(WorkflowRunner runner, RecordData data) {
        this.runner = runner;
        this.data = data;
    }

    /** One step ready to run: its context, and what the caller must be allowed to reach for it to run. */
    record Prepared(DispatchPlan.Step step, Map<String, Object> context, List<Reach> reaches) {
    }

    /** Either the prepared steps, or why the click cannot run them. */
    sealed interface Preparation {

        record Ready(List<Prepared> steps) implements Preparation {
        }

        record Refused(ActionResult result) implements Preparation {
        }
    }

    Preparation prepare(Click click, DispatchPlan plan, Map<String, Object> values) {
        var steps = new ArrayList<>(plan.customSync());
        steps.addAll(plan.customAsync());
        if (steps.isEmpty()) {
            return new Preparation.Refused(Failures.blocked("dispatch.nothingBound"));
        }
        var prepared = new ArrayList<Prepared>();
        for (DispatchPlan.Step step : steps) {
            var trigger = (TriggerConfig.CustomAction) step.workflow().trigger();
            var context = click.context();
            var reaches = new ArrayList<Reach>();
            String path = step.associationPath() == null || step.associationPath().isBlank() ? null : step.associationPath();
            var relation = path == null ? null : data.relation(click.collection(), path).orElseThrow();
            ActionResult refused = switch (trigger.contextType()) {
                case NONE -> none(click, step, trigger, values, context);
                case SINGLE -> single(click, step, trigger, relation, values, context, reaches);
                case MULTIPLE -> multiple(click, trigger, relation, context, reaches);
            };
            if (refused != null) {
                return new Preparation.Refused(refused);
            }
            prepared.add(new Prepared(step, context, List.copyOf(reaches)));
        }
        return new Preparation.Ready(prepared);
    }

    /** Runs what {@link #prepare} made ready, once the caller was found to reach all of it. */
    ActionResult run(Click click, List<Prepared> prepared) {
        var messages = new ArrayList<Message>();
        var chain = new ArrayList<WorkflowRunner.Queued>();
        for (Prepared step : prepared) {
            if (step.step().workflow().synchronous()) {
                RunOutcome outcome = runner.runSync(step.step().workflow().id(), step.context(), 0, click.origin());
                if (!outcome.resolved()) {
                    return new ActionResult.Blocked(Failures.of(outcome, messages));
                }
                outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            } else {
                chain.add(new WorkflowRunner.Queued(step.step().workflow().id(), step.context(), 0, click.origin()));
            }
        }
        if (!chain.isEmpty()) {
            runner.queueChain(chain);
            messages.add(Message.key(Message.Level.INFO, "dispatch.started"));
        }
        return new ActionResult.Done(List.of(), messages);
    }

    /** No record: the values as given; only the roles the workflow names may run it (admins always). */
    private static ActionResult none(Click click, DispatchPlan.Step step, TriggerConfig.CustomAction trigger,
            Map<String, Object> values, Map<String, Object> context) {
        if (!click.actor().admin() && !trigger.roles().contains(click.request().role())) {
            return new ActionResult.Forbidden(List.of(Message.key(Message.Level.ERROR, "dispatch.custom.role",
                    step.workflow().title())));
        }
        context.put("data", new LinkedHashMap<>(values));
        return null;
    }

    /**
     * One record: the stored one with the form's values laid over it (the fields it changes need the caller's right to
     * write them), the one a relation of it points to, or, on a create form, only the form's values.
     */
    private ActionResult single(Click click, DispatchPlan.Step step, TriggerConfig.CustomAction trigger,
            FieldDefinition relation, Map<String, Object> values, Map<String, Object> context, List<Reach> reaches) {
        if (click.recordIds().size() > 1) {
            // one record's workflow named with several: refused rather than run on the first alone
            return Failures.blocked("dispatch.single.many", step.workflow().title(), click.recordIds().size());
        }
        if (click.recordIds().isEmpty() && !values.isEmpty() && relation == null) {
            reaches.add(Reach.writing(click.collection(), Act.CREATE, List.of(), values));
            context.put("data", new LinkedHashMap<>(values));
            return null;
        }
        if (click.recordIds().isEmpty()) {
            return Failures.blocked("dispatch.noRecord");
        }
        long id = click.recordIds().getFirst();
        var stored = data.get(click.collection(), id)
                .orElseThrow(() -> new NotFoundException("record.notFound", click.collection(), id));
        if (relation != null) {
            var associated = data.associated(stored, relation).orElse(null);
            if (associated == null) {
                return Failures.blocked("dispatch.association.empty", step.workflow().title(), relation.title());
            }
            reaches.add(Reach.of(relation.target(), Act.TRIGGER, List.of(associated.id())));
            context.put("data", data.withAppends(relation.target(), associated, trigger.appends()));
            return null;
        }
        var changed = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> {
            if (!Objects.equals(stored.values().get(name), value)) {
                changed.put(name, value);
            }
        });
        if (!changed.isEmpty()) {
            // as if the form's changes were saved: the fields, and the records they link to
            reaches.add(Reach.writing(click.collection(), Act.UPDATE, List.of(id), changed));
        }
        var record = data.withAppends(click.collection(), stored, trigger.appends());
        record.putAll(values);
        context.put("data", record);
        return null;
    }

    /** The selected records, or the distinct records a relation of theirs points to. */
    private ActionResult multiple(Click click, TriggerConfig.CustomAction trigger, FieldDefinition relation,
            Map<String, Object> context, List<Reach> reaches) {
        if (click.recordIds().isEmpty()) {
            return Failures.blocked("dispatch.noSelection");
        }
        String subject = relation == null ? click.collection() : relation.target();
        var list = new ArrayList<Map<String, Object>>();
        var seen = new LinkedHashSet<Long>();
        for (long id : click.recordIds()) {
            var record = data.get(click.collection(), id);
            if (relation != null) {
                record = record.flatMap(r -> data.associated(r, relation)).filter(r -> seen.add(r.id()));
            }
            record.ifPresent(r -> list.add(data.withAppends(subject, r, trigger.appends())));
        }
        if (relation != null && !seen.isEmpty()) {
            reaches.add(Reach.of(subject, Act.TRIGGER, List.copyOf(seen)));
        }
        context.put("data", list);
        return null;
    }
}
