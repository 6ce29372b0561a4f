package io.actionflow.workflow;

import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.RecordPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Record nodes write through {@link RecordService} and read through {@link RecordQueries}, like every click does. */
@Component
class RecordsAdapter implements RecordPort {

    private static final int MAX_MATCHES = 10_000;

    private final RecordService records;
    private final RecordQueries queries;

    RecordsAdapter(RecordService records, RecordQueries queries) {
        this.records = records;
        this.queries = queries;
    }

    @Override
    public List<Map<String, Object>> find(String collection, List<Condition> filter, List<Sort> sorts, int limit) {
        return guarded(() -> queries.find(collection, new RecordQuery(filter(filter),
                        sorts.stream().map(s -> new RecordQuery.Sort(s.field(), s.ascending())).toList(), 0, limit))
                .stream().map(RecordsAdapter::map).toList());
    }

    @Override
    public Map<String, Object> create(String collection, Map<String, Object> values) {
        return guarded(() -> map(records.create(collection, values)));
    }

    @Override
    public int update(String collection, List<Condition> filter, Map<String, Object> values) {
        return guarded(() -> {
            var ids = ids(collection, filter);
            ids.forEach(id -> records.update(collection, id, values));
            return ids.size();
        });
    }

    @Override
    public int delete(String collection, List<Condition> filter) {
        return guarded(() -> records.deleteAll(collection, ids(collection, filter)));
    }

    private List<Long> ids(String collection, List<Condition> filter) {
        // "id eq X" names one record: no need to look it up first
        if (filter.size() == 1 && "id".equals(filter.getFirst().field()) && "eq".equalsIgnoreCase(filter.getFirst().op())
                && filter.getFirst().values().size() == 1 && filter.getFirst().values().getFirst() != null) {
            try {
                return List.of(Long.parseLong(String.valueOf(filter.getFirst().values().getFirst()).strip()));
            } catch (NumberFormatException e) {
                throw new NodeFailure("workflow.error.recordId", filter.getFirst().values().getFirst());
            }
        }
        return queries.find(collection, new RecordQuery(filter(filter), List.of(), 0, MAX_MATCHES)).stream()
                .map(StoredRecord::id).toList();
    }

    static Map<String, Object> map(StoredRecord record) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", record.id());
        map.putAll(record.values());
        return map;
    }

    /**
     * The node's conditions as a filter. A condition whose value came out empty (a variable of a row left blank)
     * matches nothing, as {@code = NULL} does in SQL: never every record, and no refusal of the data layer in front of
     * the member who clicked.
     */
    private static Filter filter(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return Filter.all();
        }
        for (Condition c : conditions) {
            var operator = operator(c.op());
            boolean valueless = operator == Filter.Operator.EMPTY || operator == Filter.Operator.NOT_EMPTY;
            if (!valueless && c.values().stream().allMatch(v -> v == null || v instanceof String text && text.isBlank())) {
                return Filter.none();
            }
        }
        return new Filter.And(conditions.stream()
                .<Filter>map(c -> new Filter.Condition(c.field(), operator(c.op()), c.values())).toList());
    }

    private static Filter.Operator operator(String op) {
        String name = op.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return Filter.Operator.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new NodeFailure("workflow.error.comparison", op);
        }
    }

    /** A refusal of the data layer fails the node with its reason instead of crashing the workflow. */
    private static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ValidationException refused) {
            var first = refused.errors().getFirst();
            var reason = Text.of("workflow.error.fieldRefused", first.field(), Text.of(first.messageKey(), first.args().toArray()));
            throw refused.errors().size() == 1 ? new NodeFailure(refused, "workflow.error.refused", reason)
                    : new NodeFailure(refused, "workflow.error.refusedMore", reason, refused.errors().size() - 1);
        } catch (NotFoundException missing) {
            throw new NodeFailure(missing, "workflow.error.notFound", Text.of(missing.messageKey(), missing.args().toArray()));
        }
    }
}
