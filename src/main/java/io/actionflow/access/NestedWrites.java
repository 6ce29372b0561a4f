package io.actionflow.access;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.TypedValues;
import io.actionflow.collections.Visibility;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a write reaches beyond its own record, walked through its typed values ({@link TypedValues}): rows of a
 * sub-table are records of their own collection (new ones need its create right, changed ones its update right and
 * scope, rows an update leaves out its delete right); an object given for a to-one relation is a create in its
 * collection; and a link to an existing record ({@code "category": 3}) needs that record to be one the caller may
 * read, unless the record already holds that link.
 */
final class NestedWrites {

    private final Access access;
    private final CollectionService collections;
    private final RecordQueries queries;

    NestedWrites(Access access, CollectionService collections, RecordQueries queries) {
        this.access = access;
        this.collections = collections;
        this.queries = queries;
    }

    /** Why the actor may not write {@code values} into these records ({@code parents}, none for a create). */
    Optional<Denial> denial(Actor actor, String collection, Map<String, ?> values, List<Long> parents, int depth) {
        var definition = collections.find(collection).orElse(null);
        if (definition == null || depth > TypedValues.MAX_DEPTH) {
            return Optional.empty();
        }
        for (var entry : values.entrySet()) {
            var field = definition.field(entry.getKey()).orElse(null);
            if (field == null) {
                continue;
            }
            Optional<Denial> denial = Optional.empty();
            if (field.type() == FieldType.ONE_TO_MANY && entry.getValue() instanceof List<?> rows) {
                denial = rows(actor, definition, field, rows, parents);
            } else if (field.type() == FieldType.MANY_TO_ONE && entry.getValue() instanceof Map<?, ?> nested) {
                var names = nested.keySet().stream().map(String::valueOf).toList();
                denial = access.check(actor, field.target(), Act.CREATE, List.of(), names)
                        .or(() -> denial(actor, field.target(), strings(nested), List.of(), depth + 1));
            } else if (field.type() == FieldType.MANY_TO_ONE && entry.getValue() instanceof Long id) {
                denial = link(actor, definition, field, id, parents);
            }
            if (denial.isPresent()) {
                return denial;
            }
        }
        return Optional.empty();
    }

    /** A link to record {@code id} of the relation's collection: one the actor may read, or one these records hold already. */
    private Optional<Denial> link(Actor actor, CollectionDefinition definition, FieldDefinition field, long id, List<Long> parents) {
        if (actor.admin() || !parents.isEmpty() && holdAlready(definition, field, id, parents)) {
            return Optional.empty();
        }
        return access.check(actor, field.target(), Act.VIEW, List.of(id), List.of());
    }

    private boolean holdAlready(CollectionDefinition definition, FieldDefinition field, long id, List<Long> parents) {
        var holding = Filter.and(Filter.where(field.name(), Filter.Operator.EQ, id),
                new Filter.Condition("id", Filter.Operator.IN, List.copyOf(parents)));
        return queries.count(definition.name(), holding, Visibility.ALL) == parents.size();
    }

    private Optional<Denial> rows(Actor actor, CollectionDefinition definition, FieldDefinition field, List<?> rows,
            List<Long> parents) {
        var kept = new HashSet<Long>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> values)) {
                continue;
            }
            var names = values.keySet().stream().map(String::valueOf)
                    .filter(n -> !n.equals("id") && !n.equals(field.inverseOf())).toList();
            Long id = values.get("id") instanceof Number n ? Long.valueOf(n.longValue()) : null;
            var own = strings(values);
            own.remove("id");
            own.remove(field.inverseOf());
            var denial = (id == null
                    ? access.check(actor, field.target(), Act.CREATE, List.of(), names)
                    : access.check(actor, field.target(), Act.UPDATE, List.of(id), names))
                    .or(() -> denial(actor, field.target(), own, id == null ? List.of() : List.of(id), TypedValues.MAX_DEPTH));
            if (denial.isPresent()) {
                return denial;
            }
            if (id != null) {
                kept.add(id);
            }
        }
        for (long parent : parents) {
            var gone = queries.children(definition.name(), parent, field.name(), Visibility.ALL).stream()
                    .map(StoredRecord::id).filter(id -> !kept.contains(id)).toList();
            if (!gone.isEmpty()) {
                var denial = access.check(actor, field.target(), Act.DELETE, gone, List.of());
                if (denial.isPresent()) {
                    return denial;
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> strings(Map<?, ?> map) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
