package io.actionflow.collections;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.StrictJson;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * A list's {@code filter} parameter in the seeds' JSON style: {@code {"status": "Open"}} (equals),
 * {@code {"amount": {"$gt": 100}}}, {@code {"$and": [...]}}, {@code {"$or": [...]}}; operators {@code $eq $ne $gt $gte
 * $lt $lte $includes $in $between $empty $notEmpty}. Field names and values are checked by the query itself.
 */
public final class FilterJson {

    private static final int MAX_DEPTH = 8;

    private FilterJson() {
    }

    public static Filter read(String text) {
        if (text == null || text.isBlank()) {
            return Filter.all();
        }
        Object tree;
        try {
            tree = StrictJson.MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw refused("api.filter.json");
        }
        return node(tree, 0);
    }

    /** A filter already parsed from JSON (a permission's scope, with its variables filled in). */
    public static Filter of(Object tree) {
        return tree == null ? Filter.all() : node(tree, 0);
    }

    private static Filter node(Object tree, int depth) {
        if (depth > MAX_DEPTH || !(tree instanceof Map<?, ?> map)) {
            throw refused("api.filter.shape");
        }
        var all = new ArrayList<Filter>();
        for (var entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            switch (key) {
                case "$and", "$or" -> {
                    if (!(entry.getValue() instanceof List<?> parts)) {
                        throw refused("api.filter.shape");
                    }
                    var inner = new ArrayList<Filter>();
                    for (Object part : parts) {
                        inner.add(node(part, depth + 1));
                    }
                    all.add(key.equals("$and") ? new Filter.And(inner) : new Filter.Or(inner));
                }
                default -> all.addAll(conditions(key, entry.getValue()));
            }
        }
        return all.size() == 1 ? all.getFirst() : new Filter.And(all);
    }

    private static List<Filter> conditions(String field, Object value) {
        if (field.startsWith("$")) {
            throw refused("api.filter.operator", field);
        }
        if (!(value instanceof Map<?, ?> operators)) {
            return List.of(Filter.where(field, Filter.Operator.EQ, value));
        }
        if (!field.contains(".") && !operators.isEmpty() && operators.keySet().stream().noneMatch(k -> String.valueOf(k).startsWith("$"))) {
            // {"category": {"title": "News"}}: the same as {"category.title": "News"}
            var through = new ArrayList<Filter>();
            operators.forEach((name, inner) -> through.addAll(conditions(field + "." + name, inner)));
            return through;
        }
        var conditions = new ArrayList<Filter>();
        for (var entry : operators.entrySet()) {
            String operator = String.valueOf(entry.getKey());
            Object operand = entry.getValue();
            conditions.add(switch (operator) {
                case "$eq" -> Filter.where(field, Filter.Operator.EQ, operand);
                case "$ne" -> Filter.where(field, Filter.Operator.NE, operand);
                case "$gt" -> Filter.where(field, Filter.Operator.GT, operand);
                case "$gte" -> Filter.where(field, Filter.Operator.GE, operand);
                case "$lt" -> Filter.where(field, Filter.Operator.LT, operand);
                case "$lte" -> Filter.where(field, Filter.Operator.LE, operand);
                case "$includes" -> Filter.where(field, Filter.Operator.CONTAINS, operand);
                case "$empty" -> Filter.where(field, Filter.Operator.EMPTY);
                case "$notEmpty" -> Filter.where(field, Filter.Operator.NOT_EMPTY);
                case "$in" -> new Filter.Condition(field, Filter.Operator.IN, list(operand));
                case "$between" -> new Filter.Condition(field, Filter.Operator.BETWEEN, list(operand));
                default -> throw refused("api.filter.operator", operator);
            });
        }
        return conditions;
    }

    private static List<Object> list(Object operand) {
        if (!(operand instanceof List<?> values) || values.size() > 1000) {
            throw refused("api.filter.shape");
        }
        return new ArrayList<>(values);
    }

    private static ValidationException refused(String key, Object... args) {
        return new ValidationException(FieldError.of("filter", key, args));
    }
}
