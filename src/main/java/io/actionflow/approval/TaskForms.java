package io.actionflow.approval;

import io.actionflow.access.Access;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.StrictJson;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.TaskPort;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The form a Manual task asks: its fields as collections know them (a field of the node's collection, or one of the
 * form's own), kept as JSON with the form, and the values a person gives checked against them.
 */
final class TaskForms {

    private TaskForms() {
    }

    static String write(Object value) {
        return StrictJson.MAPPER.writeValueAsString(value);
    }

    /** The values as the form's fields hold them; unknown names, and values the fields cannot hold, are refused. */
    static Map<String, Object> check(List<FieldDefinition> fields, Map<String, ?> values, boolean complete, Access access) {
        var byName = new LinkedHashMap<String, FieldDefinition>();
        fields.forEach(f -> byName.put(f.name(), f));
        var errors = new ArrayList<FieldError>();
        var given = values == null ? Map.<String, Object>of() : values;
        given.keySet().stream().filter(k -> !byName.containsKey(k)).forEach(k -> errors.add(FieldError.of(k, "validation.unknownField", k)));
        var typed = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : fields) {
            if (!complete && !given.containsKey(field.name())) {
                continue;
            }
            Object raw = given.get(field.name());
            var problems = field.problems(raw).stream().filter(p -> complete || !"validation.required".equals(p.messageKey())).toList();
            errors.addAll(problems);
            Object value = problems.isEmpty() ? field.typed(raw) : null;
            // a record the person may not see is as good as missing: its existence is not told
            if (value != null && field.type() == FieldType.MANY_TO_ONE && access.reader().get(field.target(), (Long) value).isEmpty()) {
                errors.add(FieldError.of(field.name(), "validation.reference.missing", field.target(), value));
            }
            typed.put(field.name(), value == null ? null : plain(value));
        }
        ValidationException.throwIfAny(errors);
        return typed;
    }

    /** The form's fields: a field of the node's collection as that collection has it, a free field as the node defines it. */
    static List<FieldDefinition> of(TaskPort.Ask ask, CollectionService collections) {
        var collection = ask.collection() == null ? null : collections.find(ask.collection()).orElse(null);
        var fields = new ArrayList<FieldDefinition>();
        var seen = new HashSet<String>();
        int position = 0;
        for (Map<String, Object> row : ask.fields()) {
            String name = row.get("name") == null ? "" : String.valueOf(row.get("name")).strip();
            if (name.isEmpty() || !seen.add(name)) {
                continue;
            }
            String title = row.get("title") == null || String.valueOf(row.get("title")).isBlank() ? null : String.valueOf(row.get("title")).strip();
            boolean required = Boolean.parseBoolean(String.valueOf(row.get("required")));
            Object type = row.get("type");
            if (type == null || String.valueOf(type).isBlank()) {
                var own = collection == null ? null : collection.field(name).filter(f -> f.type().hasColumn()).orElse(null);
                if (own == null) {
                    throw new NodeFailure("manual.problem.fieldUnknown", ask.nodeKey(), name, String.valueOf(ask.collection()));
                }
                fields.add(new FieldDefinition(null, name, title == null ? own.title() : title, own.type(), position++,
                        required || own.required(), false, false, null, own.min(), own.max(), own.pattern(), own.options(), own.target(), null));
            } else {
                FieldType fieldType;
                try {
                    fieldType = FieldType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new NodeFailure("manual.problem.fieldType", ask.nodeKey(), name);
                }
                if (fieldType.isRelation()) {
                    throw new NodeFailure("manual.problem.fieldType", ask.nodeKey(), name);
                }
                var options = row.get("options") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : row.get("options") == null ? List.<String>of()
                        : Arrays.stream(String.valueOf(row.get("options")).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
                fields.add(new FieldDefinition(null, name, title == null ? name : title, fieldType, position++, required, false, false,
                        null, null, null, null, options, null, null));
            }
        }
        return fields;
    }

    static Map<String, Object> describe(FieldDefinition field) {
        var described = new LinkedHashMap<String, Object>();
        described.put("name", field.name());
        described.put("title", field.title());
        described.put("type", field.type().name());
        described.put("required", field.required());
        if (!field.options().isEmpty()) {
            described.put("options", field.options());
        }
        if (field.target() != null) {
            described.put("target", field.target());
        }
        if (field.min() != null) {
            described.put("min", field.min());
        }
        if (field.max() != null) {
            described.put("max", field.max());
        }
        if (field.pattern() != null) {
            described.put("pattern", field.pattern());
        }
        return described;
    }

    /** The fields of a form as kept (its JSON). */
    @SuppressWarnings("unchecked")
    static List<FieldDefinition> fields(String form) {
        var fields = new ArrayList<FieldDefinition>();
        int position = 0;
        for (Object item : StrictJson.MAPPER.readValue(form, List.class)) {
            var f = (Map<String, Object>) item;
            fields.add(new FieldDefinition(null, String.valueOf(f.get("name")), String.valueOf(f.get("title")),
                    FieldType.valueOf(String.valueOf(f.get("type"))), position++, Boolean.TRUE.equals(f.get("required")), false, false, null,
                    decimal(f.get("min")), decimal(f.get("max")), (String) f.get("pattern"),
                    f.get("options") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(), (String) f.get("target"), null));
        }
        return fields;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }

    /** A stored value as JSON holds it: dates and times as ISO text. */
    static Object plain(Object value) {
        return value instanceof Temporal ? value.toString() : value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        return new LinkedHashMap<>((Map<String, Object>) StrictJson.MAPPER.readValue(json, Map.class));
    }
}
