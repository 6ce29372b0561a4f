package io.actionflow.dispatch;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.TypedValues;
import io.actionflow.collections.Visibility;
import io.actionflow.workflow.WorkflowDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Records a write makes, changes or removes in other collections (an object given for a to-one relation, the rows of a
 * sub-table) are written inside the click on the outer record: the workflows an admin made global on their own
 * collection (pre-action, post-action, and approvals for the caller's role) would not run for them, and a purchase
 * created inside an order would skip the approval every purchase needs. Such a write is refused before anything runs,
 * naming the collection and its workflows; the records are to be written on their own, where their rules run.
 */
@Component
class NestedRules {

    private final CollectionService collections;
    private final RecordQueries queries;
    private final WorkflowDirectory directory;

    NestedRules(CollectionService collections, RecordQueries queries, WorkflowDirectory directory) {
        this.collections = collections;
        this.queries = queries;
        this.directory = directory;
    }

    /** Why these typed values may not be written in one click on {@code collection}; empty when they may. */
    Optional<ActionResult> refusal(String collection, List<Long> parents, Map<String, Object> values, String role) {
        var definition = collections.find(collection).orElse(null);
        if (definition == null) {
            return Optional.empty();
        }
        var writes = new LinkedHashSet<Nested>();
        walk(definition, values, parents, 0, writes);
        for (Nested write : writes) {
            var plan = DispatchPlan.of(write.action(), write.collection(), List.of(), directory.enabled(), directory::enabled);
            var rules = new ArrayList<DispatchPlan.Step>();
            rules.addAll(plan.preAction());
            rules.addAll(plan.postActionSync());
            rules.addAll(plan.postActionAsync());
            rules.addAll(ApprovalTrigger.forRole(plan, role));
            if (!rules.isEmpty()) {
                String title = collections.find(write.collection()).map(CollectionDefinition::title).orElse(write.collection());
                return Optional.of(Failures.blocked("dispatch.nested.rules", title,
                        String.join(", ", rules.stream().map(s -> s.workflow().title()).distinct().toList())));
            }
        }
        return Optional.empty();
    }

    /** One kind of write into another collection. */
    private record Nested(String collection, Action action) {
    }

    private void walk(CollectionDefinition definition, Map<String, Object> values, List<Long> parents, int depth,
            LinkedHashSet<Nested> writes) {
        if (depth > TypedValues.MAX_DEPTH) {
            return;
        }
        values.forEach((name, value) -> {
            var field = definition.field(name).orElse(null);
            if (field == null) {
                return;
            }
            if (field.type() == FieldType.MANY_TO_ONE && value instanceof Map<?, ?> nested) {
                writes.add(new Nested(field.target(), Action.CREATE));
                collections.find(field.target()).ifPresent(target -> walk(target, strings(nested), List.of(), depth + 1, writes));
            } else if (field.type() == FieldType.ONE_TO_MANY && value instanceof List<?> rows) {
                rows(definition, field, rows, parents, writes);
            }
        });
    }

    /** New rows are creates, rows with an id changes, and rows an update leaves out deletes, in the rows' collection. */
    private void rows(CollectionDefinition definition, FieldDefinition field, List<?> rows, List<Long> parents,
            LinkedHashSet<Nested> writes) {
        var kept = new HashSet<Long>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> values) {
                if (values.get("id") instanceof Number id) {
                    kept.add(id.longValue());
                    if (values.size() > 1) {
                        writes.add(new Nested(field.target(), Action.UPDATE));
                    }
                } else {
                    writes.add(new Nested(field.target(), Action.CREATE));
                }
            }
        }
        for (long parent : parents) {
            boolean removes = queries.children(definition.name(), parent, field.name(), Visibility.ALL).stream()
                    .map(StoredRecord::id).anyMatch(id -> !kept.contains(id));
            if (removes) {
                writes.add(new Nested(field.target(), Action.DESTROY));
            }
        }
    }

    private static Map<String, Object> strings(Map<?, ?> map) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
