package io.actionflow.collections;

import io.actionflow.platform.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one-to-many fields given with a record (a sub-table: an order with its items), split from its own
 * values. They are written with the record, in its transaction, through the same checks as any record.
 *
 * @param columns the record's own values
 * @param rows    per one-to-many field, its rows as given ({@code id} names an existing row; without it, a new one)
 * @param errors  what is wrong with the shape of what was given
 */
record ChildRows(Map<String, Object> columns, Map<FieldDefinition, List<Map<String, Object>>> rows, List<FieldError> errors) {

    /** The most rows one field may bring in one write. */
    static final int MAX_ROWS = 500;

    @SuppressWarnings("unchecked")
    static ChildRows split(CollectionDefinition collection, Map<String, ?> input) {
        var columns = new LinkedHashMap<String, Object>();
        var rows = new LinkedHashMap<FieldDefinition, List<Map<String, Object>>>();
        var errors = new ArrayList<FieldError>();
        if (input == null) {
            return new ChildRows(columns, rows, errors);
        }
        input.forEach((name, value) -> {
            var field = collection.field(name).filter(f -> f.type() == FieldType.ONE_TO_MANY).orElse(null);
            if (field == null) {
                columns.put(name, value);
                return;
            }
            if (!(value instanceof List<?> list) || list.size() > MAX_ROWS || list.stream().anyMatch(r -> !(r instanceof Map<?, ?>))) {
                errors.add(FieldError.of(name, "validation.rows", MAX_ROWS));
                return;
            }
            var given = new ArrayList<Map<String, Object>>();
            list.forEach(r -> {
                var row = new LinkedHashMap<String, Object>();
                ((Map<?, ?>) r).forEach((k, v) -> row.put(String.valueOf(k), v));
                given.add(row);
            });
            rows.put(field, given);
        });
        return new ChildRows(columns, rows, errors);
    }

    boolean none() {
        return rows.isEmpty();
    }

    /** A row's own values: without its id and without the relation back to the record, which the write sets. */
    static Map<String, Object> values(FieldDefinition field, Map<String, Object> row) {
        var values = new LinkedHashMap<>(row);
        values.remove("id");
        values.remove(field.inverseOf());
        return values;
    }

    static Long id(Map<String, Object> row) {
        return row.get("id") instanceof Number n ? n.longValue()
                : row.get("id") instanceof String s && s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
    }

    /** A row's refusal as the record's: {@code items[1].qty}. */
    static FieldError prefixed(FieldDefinition field, int index, FieldError error) {
        return new FieldError(field.name() + "[" + index + "]." + error.field(), error.messageKey(), error.args());
    }
}
