package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.RecordPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the settings record nodes share: a collection, a filter, a sort, values. */
final class Settings {

    private Settings() {
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
}
