package io.actionflow.collections;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a click or a call submits, read into the values the write will store (style.md, 15): numbers as numbers,
 * texts stripped as stored, blanks as null, decimals to the places a column keeps. Every rule of the click (pre-action,
 * approval conditions, post-action, custom action, collection events) and the write itself see this one map, so no
 * rule compares a string the record stores as a number. Reading a map it gave gives the same map.
 * <ul>
 * <li>a one-to-many field's rows are read as records of their collection, each row's {@code id} kept;</li>
 * <li>a to-one relation given as {@code {"id": 3}} is a link to record 3, read as its id; given as an object without
 * an id (a category sent with its post) it is a record to create, read as values of its collection;</li>
 * <li>a system column ({@code id}, {@code created_at}, …), a field the collection does not have, or a value that cannot
 * be read is refused, naming the field ({@code items[0].qty}, {@code category.title} inside rows and objects).</li>
 * </ul>
 * It reads no data and opens no transaction.
 */
@Component
public class TypedValues {

    /** How deep objects given for to-one relations may nest (a post with its category with its group). */
    public static final int MAX_DEPTH = 3;

    private final CollectionService collections;

    TypedValues(CollectionService collections) {
        this.collections = collections;
    }

    /** The submission as the write will store it; refused as a whole, naming every field that cannot be read. */
    public Map<String, Object> read(String collection, Map<String, ?> input) {
        var errors = new ArrayList<FieldError>();
        var typed = read(collections.require(collection), input, "", 0, errors);
        ValidationException.throwIfAny(errors);
        return typed;
    }

    private Map<String, Object> read(CollectionDefinition definition, Map<String, ?> input, String prefix, int depth,
            List<FieldError> errors) {
        var typed = new LinkedHashMap<String, Object>();
        if (input == null) {
            return typed;
        }
        input.forEach((name, raw) -> {
            String named = prefix + name;
            if (Names.SYSTEM_COLUMNS.contains(name)) {
                errors.add(FieldError.of(named, "validation.system", name));
                return;
            }
            var field = definition.field(name).orElse(null);
            if (field == null) {
                errors.add(FieldError.of(named, "validation.unknownField", name));
            } else if (field.type() == FieldType.ONE_TO_MANY) {
                typed.put(name, rows(field, raw, named, errors));
            } else if (raw instanceof Map<?, ?> object && !object.containsKey("id") && field.type() == FieldType.MANY_TO_ONE
                    && !"users".equals(field.target()) && depth < MAX_DEPTH) {
                typed.put(name, read(collections.require(field.target()), strings(object), named + ".", depth + 1, errors));
            } else {
                try {
                    typed.put(name, FieldValues.coerce(field, raw));
                } catch (FieldValues.Unreadable unreadable) {
                    errors.add(new FieldError(named, unreadable.error.messageKey(), unreadable.error.args()));
                }
            }
        });
        return typed;
    }

    /** A sub-table's rows, each read as a record of the related collection; a row's id names a row it already has. */
    private List<Map<String, Object>> rows(FieldDefinition field, Object raw, String named, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.size() > ChildRows.MAX_ROWS || list.stream().anyMatch(r -> !(r instanceof Map<?, ?>))) {
            errors.add(FieldError.of(named, "validation.rows", ChildRows.MAX_ROWS));
            return List.of();
        }
        var child = collections.require(field.target());
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < list.size(); i++) {
            var given = strings((Map<?, ?>) list.get(i));
            var row = new LinkedHashMap<String, Object>();
            String rowName = named + "[" + i + "].";
            Object id = given.remove("id");
            if (id != null) {
                Long known = ChildRows.id(Map.of("id", id));
                if (known == null) {
                    errors.add(FieldError.of(rowName + "id", "validation.type.reference"));
                } else {
                    row.put("id", known);
                }
            }
            given.remove(field.inverseOf());
            row.putAll(read(child, given, rowName, MAX_DEPTH, errors));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> strings(Map<?, ?> map) {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
