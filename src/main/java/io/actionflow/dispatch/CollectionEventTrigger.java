package io.actionflow.dispatch;

import io.actionflow.collections.RecordCreated;
import io.actionflow.collections.RecordDeleted;
import io.actionflow.collections.RecordEvent;
import io.actionflow.collections.RecordUpdated;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.EnabledWorkflow;
import io.actionflow.workflow.ExecutionOrigin;
import io.actionflow.workflow.WorkflowDirectory;
import io.actionflow.workflow.WorkflowRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collection events: workflows that fire on any change of a collection, whatever made it (a click, a call, another
 * workflow), inside the transaction that made it. No operator is in their context. Synchronous ones run at once: when
 * one fails, the change is refused ({@link Refused}) and rolls back with its transaction; asynchronous ones start after
 * commit. Workflows started by workflows run one level deeper each time, up to the stack limit, where the execution
 * is aborted and the chain stops. They reach no record on anyone's behalf: what fires them was checked where it was
 * asked for, and they run with full rights.
 */
@Component
class CollectionEventTrigger {

    private final WorkflowDirectory directory;
    private final WorkflowRunner runner;

    CollectionEventTrigger(WorkflowDirectory directory, WorkflowRunner runner) {
        this.directory = directory;
        this.runner = runner;
    }

    /** A synchronous collection-event workflow failed: the change that fired it is refused with these messages. */
    static final class Refused extends RuntimeException {

        private final transient List<Message> messages;

        Refused(List<Message> messages) {
            super("A collection event workflow refused the change");
            this.messages = List.copyOf(messages);
        }

        List<Message> messages() {
            return messages;
        }
    }

    @EventListener
    void on(RecordEvent event) {
        var change = switch (event) {
            case RecordCreated created -> TriggerConfig.Change.CREATED;
            case RecordUpdated updated -> TriggerConfig.Change.UPDATED;
            case RecordDeleted deleted -> TriggerConfig.Change.DELETED;
            default -> null;
        };
        if (change == null) {
            return;
        }
        List<EnabledWorkflow> matching = directory.enabled().stream()
                .filter(w -> w.type() == TriggerType.COLLECTION && w.trigger() instanceof TriggerConfig.CollectionEvent e
                        && event.collection().equals(e.collection()) && e.on().contains(change))
                .toList();
        if (matching.isEmpty()) {
            return;
        }
        Map<String, Object> context = context(event, change);
        int depth = WorkflowRunner.nextDepth();
        var origin = new ExecutionOrigin(null, null, null, null, null, List.of(event.id()));
        var chain = new ArrayList<WorkflowRunner.Queued>();
        for (EnabledWorkflow workflow : matching) {
            var trigger = (TriggerConfig.CollectionEvent) workflow.trigger();
            if (event instanceof RecordUpdated updated && !trigger.changedFields().isEmpty()
                    && trigger.changedFields().stream().noneMatch(updated.changedFields()::contains)) {
                continue;
            }
            if (trigger.condition() != null && !runner.holds(trigger.condition(), context)) {
                continue;
            }
            if (workflow.synchronous()) {
                var outcome = runner.runSync(workflow.id(), copy(context), depth, origin);
                if (outcome.failed()) {
                    throw new Refused(Failures.of(outcome, List.of()));
                }
            } else {
                chain.add(new WorkflowRunner.Queued(workflow.id(), copy(context), depth, origin));
            }
        }
        runner.queueChain(chain);
    }

    private static Map<String, Object> context(RecordEvent event, TriggerConfig.Change change) {
        var context = new LinkedHashMap<String, Object>();
        var data = new LinkedHashMap<String, Object>();
        data.put("id", event.id());
        switch (event) {
            case RecordCreated created -> data.putAll(created.values());
            case RecordUpdated updated -> {
                data.putAll(updated.values());
                var previous = new LinkedHashMap<String, Object>();
                previous.put("id", event.id());
                previous.putAll(updated.previous());
                context.put("previous", previous);
                context.put("changed", List.copyOf(updated.changedFields()));
            }
            case RecordDeleted deleted -> data.putAll(deleted.previous());
            default -> { }
        }
        context.put("data", data);
        context.put("event", change.key());
        context.put("collection", event.collection());
        return context;
    }

    private static Map<String, Object> copy(Map<String, Object> context) {
        return new LinkedHashMap<>(context);
    }

}
