package io.actionflow.dispatch;

import io.actionflow.access.Act;
import io.actionflow.access.Reach;
import io.actionflow.collections.StoredRecord;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.workflow.RunOutcome;
import io.actionflow.workflow.WorkflowRunner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Post-action workflows, after the write and in its transaction: synchronous ones now (a failure rolls the action back),
 * asynchronous ones queued as one chain that starts after commit. Each runs per written record, or, bound through a
 * to-one relation ({@code key!category}), for the record that relation points to: a record the caller must be allowed
 * to see ({@link #reaches}), since the workflow is given it.
 */
@Component
class PostActionTrigger {

    private final WorkflowRunner runner;
    private final RecordData data;

    PostActionTrigger(WorkflowRunner runner, RecordData data) {
        this.runner = runner;
        this.data = data;
    }

    /** What the steps are given beyond the written records: the records their relations point to, to be seen by the caller. */
    List<Reach> reaches(Click click, DispatchPlan plan, List<StoredRecord> written) {
        var reaches = new ArrayList<Reach>();
        for (DispatchPlan.Step step : concat(plan.postActionSync(), plan.postActionAsync())) {
            if (step.associationPath() != null && !step.associationPath().isBlank()) {
                var subject = target(click, step);
                var ids = new LinkedHashSet<Long>();
                subjects(click, step, written).forEach(r -> ids.add(r.id()));
                if (subject != null && !ids.isEmpty()) {
                    reaches.add(Reach.of(subject, Act.VIEW, List.copyOf(ids)));
                }
            }
        }
        return reaches;
    }

    /** Runs the synchronous steps and queues the asynchronous ones; a failure ends the click as blocked. */
    ActionResult run(Click click, DispatchPlan plan, List<StoredRecord> written, List<Message> messages) {
        for (DispatchPlan.Step step : plan.postActionSync()) {
            for (StoredRecord record : subjects(click, step, written)) {
                RunOutcome outcome = runner.runSync(step.workflow().id(), context(click, step, record), 0,
                        click.origin().forRecords(List.of(record.id())));
                if (!outcome.resolved()) {
                    return new ActionResult.Blocked(Failures.of(outcome, messages));
                }
                outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            }
        }
        var chain = new ArrayList<WorkflowRunner.Queued>();
        for (DispatchPlan.Step step : plan.postActionAsync()) {
            for (StoredRecord record : subjects(click, step, written)) {
                chain.add(new WorkflowRunner.Queued(step.workflow().id(), context(click, step, record), 0,
                        click.origin().forRecords(List.of(record.id()))));
            }
        }
        runner.queueChain(chain);
        return new ActionResult.Done(written, messages);
    }

    /** The written records, or the records their association path names. */
    private List<StoredRecord> subjects(Click click, DispatchPlan.Step step, List<StoredRecord> written) {
        if (step.associationPath() == null || step.associationPath().isBlank()) {
            return written;
        }
        var relation = data.relation(click.collection(), step.associationPath()).orElse(null);
        if (relation == null) {
            return List.of();
        }
        var associated = new ArrayList<StoredRecord>();
        written.forEach(record -> data.associated(record, relation).ifPresent(associated::add));
        return associated;
    }

    private String target(Click click, DispatchPlan.Step step) {
        return step.associationPath() == null ? click.collection()
                : data.relation(click.collection(), step.associationPath()).map(f -> f.target()).orElse(null);
    }

    /** The saved record (with the associations the trigger preloads), the operator and their role. */
    private Map<String, Object> context(Click click, DispatchPlan.Step step, StoredRecord record) {
        var appends = step.workflow().trigger() instanceof TriggerConfig.PostAction post ? post.appends() : List.<String>of();
        String collection = target(click, step);
        var context = click.context();
        context.put("data", data.withAppends(collection == null ? click.collection() : collection, record, appends));
        context.put("action", click.actionName());
        context.put("collection", collection == null ? click.collection() : collection);
        return context;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<T>(first);
        all.addAll(second);
        return all;
    }
}
