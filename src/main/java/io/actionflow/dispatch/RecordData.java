package io.actionflow.dispatch;

import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Records as workflows see them in {@code $context.data}: the id, the values, and the associations a trigger preloads. */
@Component
class RecordData {

    private final CollectionService collections;
    private final RecordQueries queries;

    RecordData(CollectionService collections, RecordQueries queries) {
        this.collections = collections;
        this.queries = queries;
    }

    /** A stored record, with full rights (workflows run with them; who may reach it is decided before). */
    Optional<StoredRecord> get(String collection, long id) {
        return queries.get(collection, id);
    }

    /** The to-one relation {@code path} of a collection, when it is one. */
    Optional<FieldDefinition> relation(String collection, String path) {
        return collections.find(collection).flatMap(c -> c.field(path)).filter(f -> f.type() == FieldType.MANY_TO_ONE);
    }

    /** The record a to-one relation of {@code record} points to, if any. */
    Optional<StoredRecord> associated(StoredRecord record, FieldDefinition relation) {
        return record.get(relation.name()) instanceof Number id ? queries.get(relation.target(), id.longValue()) : Optional.empty();
    }

    /** Just the id and the values. */
    static Map<String, Object> of(StoredRecord record) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", record.id());
        data.putAll(record.values());
        return data;
    }

    /**
     * A record with the associations named in {@code appends} loaded too: a to-one one as a map, a to-many one as the
     * list of its rows as stored.
     */
    Map<String, Object> withAppends(String collection, StoredRecord record, List<String> appends) {
        var data = of(record);
        if (appends.isEmpty()) {
            return data;
        }
        var definition = collections.require(collection);
        for (String append : appends) {
            definition.field(append).filter(f -> f.type() == FieldType.ONE_TO_MANY).ifPresent(field -> {
                var rows = new ArrayList<Map<String, Object>>();
                queries.children(collection, record.id(), field.name(), Visibility.ALL).forEach(row -> rows.add(of(row)));
                data.put(field.name(), rows);
            });
            definition.field(append).filter(f -> f.type() == FieldType.MANY_TO_ONE && !"users".equals(f.target()))
                    .flatMap(field -> associated(record, field).map(target -> Map.entry(field.name(), of(target))))
                    .ifPresent(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }
}
