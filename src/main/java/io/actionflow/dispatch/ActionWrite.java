package io.actionflow.dispatch;

import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.TypedValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The action of a click itself, through {@link RecordService}: the create, the update of each record, or the delete. */
@Component
class ActionWrite {

    private final RecordService records;
    private final CollectionService collections;

    ActionWrite(RecordService records, CollectionService collections) {
        this.records = records;
        this.collections = collections;
    }

    /** The action itself; what it creates is the operator's ({@code createdBy}, their account id). */
    List<StoredRecord> perform(Click click, Map<String, Object> values) {
        return switch (click.action()) {
            case CREATE -> List.of(records.create(click.collection(), withNested(click.collection(), values, click.createdBy()),
                    click.createdBy()));
            case UPDATE -> {
                var updated = new ArrayList<StoredRecord>();
                for (long id : click.recordIds()) {
                    updated.add(records.update(click.collection(), id, values));
                }
                yield updated;
            }
            case DESTROY -> {
                records.deleteAll(click.collection(), click.recordIds());
                yield List.of();
            }
            case TRIGGER -> List.of();
        };
    }

    /**
     * Values whose to-one relations are given as objects without an id (an API create that sends the category with the
     * post): each is created first, in the same transaction, and the relation set to it. An object with an id is a link
     * to that record, read as its id before ({@link TypedValues}).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withNested(String collection, Map<String, Object> values, Long createdBy) {
        if (values.values().stream().noneMatch(Map.class::isInstance)) {
            return values;
        }
        var definition = collections.require(collection);
        var resolved = new LinkedHashMap<>(values);
        values.forEach((name, value) -> {
            var field = definition.field(name).filter(f -> f.type() == FieldType.MANY_TO_ONE);
            if (value instanceof Map<?, ?> nested && field.isPresent()) {
                String target = field.get().target();
                resolved.put(name, records.create(target, withNested(target, (Map<String, Object>) nested, createdBy), createdBy).id());
            }
        });
        return resolved;
    }

}
