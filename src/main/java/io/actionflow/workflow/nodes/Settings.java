package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.RecordPort;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the settings nodes share: a collection, a filter, a sort, values; a duration. */
final class Settings {

    private Settings() {
    }

    /** A duration as settings write it: a number of seconds, or ISO-8601 (PT10M, P2D); null when it is neither. */
    static Duration duration(String text) {
        String value = text.strip();
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static List<RecordPort.Condition> filter(NodeContext context) {
        var conditions = new ArrayList<RecordPort.Condition>();
        Object filter = context.config().get("filter");
        if (filter == null) {
            return conditions;
        }
        if (!(filter instanceof List<?> list)) {
            throw new NodeFailure("workflow.error.filterNotList", context.node().key());
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> condition) || condition.get("field") == null) {
                throw new NodeFailure("workflow.error.conditionField", context.node().key());
            }
            String op = condition.get("op") == null ? "eq" : String.valueOf(condition.get("op"));
            Object value = condition.get("value");
            List<Object> values = value instanceof List<?> l ? new ArrayList<>(l) : value == null ? List.of() : List.of(value);
            conditions.add(new RecordPort.Condition(String.valueOf(condition.get("field")), op, values));
        }
        return conditions;
    }

    static List<RecordPort.Sort> sorts(NodeContext context) {
        var sorts = new ArrayList<RecordPort.Sort>();
        if (context.config().get("sort") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> sort && sort.get("field") != null) {
                    sorts.add(new RecordPort.Sort(String.valueOf(sort.get("field")), !"desc".equals(sort.get("direction"))));
                }
            }
        }
        return sorts;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(NodeContext context) {
        Object values = context.config().get("values");
        if (!(values instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new NodeFailure("workflow.error.noValues", context.node().key());
        }
        return (Map<String, Object>) map;
    }

    static int number(NodeContext context, String name, int fallback) {
        Object value = context.config().get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new NodeFailure("workflow.error.notNumber", name, context.node().key());
        }
    }

    private static final java.util.regex.Pattern SUBMITTED = java.util.regex.Pattern.compile("\\{\\{\\s*\\$context\\.data\\.(\\w+)\\s*}}");

    /**
     * What is wrong with a record node's collection, filter and values: the collection missing or not there, a field
     * the collection does not have, no filter where the node would otherwise touch every record ({@code filterRequired}),
     * no values where it writes ({@code valuesRequired}), and a filter that compares a record of one collection with the
     * submitted record of another ({@code id is {{$context.data.id}}} on a node of another collection than the trigger's).
     */
    static List<Text> problems(NodeDef node, NodeCheck where, boolean filterRequired, boolean valuesRequired) {
        var problems = new ArrayList<Text>();
        Object setting = node.config().get("collection");
        if (setting == null || String.valueOf(setting).isBlank()) {
            problems.add(Text.of("workflow.problem.chooseCollection", node.key()));
            return problems;
        }
        String collection = String.valueOf(setting).strip();
        Map<String, String> fields = null;
        if (!NodeCheck.filled(setting) && where.checksNames()) {
            var found = where.fields(collection);
            if (found.isEmpty()) {
                problems.add(Text.of("workflow.problem.collectionUnknown", node.key(), collection));
                return problems;
            }
            fields = found.get();
        }
        Object filter = node.config().get("filter");
        List<?> rows = filter instanceof List<?> list ? list : List.of();
        if (filter != null && !(filter instanceof List<?>)) {
            problems.add(Text.of("workflow.error.filterNotList", node.key()));
        }
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> condition) || condition.get("field") == null || String.valueOf(condition.get("field")).isBlank()) {
                problems.add(Text.of("workflow.error.conditionField", node.key()));
                continue;
            }
            String field = String.valueOf(condition.get("field")).strip();
            if (fields != null && !"id".equals(field) && !fields.containsKey(field)) {
                problems.add(Text.of("workflow.problem.fieldUnknown", node.key(), collection, field));
                continue;
            }
            otherCollection(node, where, collection, fields, field, condition.get("value")).ifPresent(problems::add);
        }
        if (filterRequired && rows.isEmpty() && (filter == null || filter instanceof List<?>)) {
            problems.add(Text.of(node.type().equals("destroy") ? "workflow.error.deleteNoFilter" : "workflow.error.updateNoFilter", node.key()));
        }
        if (valuesRequired) {
            if (!(node.config().get("values") instanceof Map<?, ?> values) || values.isEmpty()) {
                problems.add(Text.of("workflow.error.noValues", node.key()));
            } else if (fields != null) {
                var known = fields;
                values.forEach((name, value) -> {
                    if (!known.containsKey(String.valueOf(name))) {
                        problems.add(Text.of("workflow.problem.valueFieldUnknown", node.key(), collection, String.valueOf(name)));
                        return;
                    }
                    // a select's value written out must be one of its options, or every click would fail on it
                    var options = where.references().options(collection, String.valueOf(name));
                    if (!options.isEmpty() && value != null && !NodeCheck.filled(value) && !String.valueOf(value).isBlank()
                            && !options.contains(String.valueOf(value).strip())) {
                        problems.add(Text.of("workflow.problem.notAnOption", node.key(), String.valueOf(name), String.valueOf(value),
                                String.join(", ", options)));
                    }
                });
            }
        }
        return problems;
    }

    /**
     * A condition whose field holds a record of one collection (its id, or a relation to it) and whose value is the
     * submitted record, or a relation of it, to another: it can only match by accident.
     */
    private static java.util.Optional<Text> otherCollection(NodeDef node, NodeCheck where, String collection,
            Map<String, String> fields, String field, Object value) {
        if (where.triggerCollection() == null || !(value instanceof String text)) {
            return java.util.Optional.empty();
        }
        var matcher = SUBMITTED.matcher(text.strip());
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        String submitted = matcher.group(1);
        String valueHolds = "id".equals(submitted) ? where.triggerCollection()
                : where.fields(where.triggerCollection()).map(f -> f.get(submitted)).filter(t -> !t.isEmpty()).orElse(null);
        String fieldHolds = "id".equals(field) ? collection
                : fields == null ? null : java.util.Optional.ofNullable(fields.get(field)).filter(t -> !t.isEmpty()).orElse(null);
        if (valueHolds == null || fieldHolds == null || valueHolds.equals(fieldHolds)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Text.of("workflow.problem.otherCollection", node.key(), field, fieldHolds, text.strip(), valueHolds));
    }
}
