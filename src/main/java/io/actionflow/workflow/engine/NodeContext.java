package io.actionflow.workflow.engine;

import java.util.List;
import java.util.Map;

/**
 * What a node sees when it runs: its settings with variables already filled in, the variables themselves (for
 * expressions), the ports to the outside, and whether the workflow runs synchronously. {@code jobKey} names this run of
 * the node (its key, with the loop passes it is in).
 */
public record NodeContext(NodeDef node, String jobKey, Map<String, Object> config, Map<String, Object> variables, Ports ports,
        boolean synchronous, List<String> messages, ExecutionState state) {

    public String text(String name) {
        Object value = config.get(name);
        return value == null ? null : String.valueOf(value);
    }

    public String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw new NodeFailure("workflow.error.settingEmpty", name, node.key());
        }
        return value;
    }

    /**
     * An expression setting as the admin wrote it (settings named by {@link NodeExecutor#expressions()} are not filled
     * in beforehand: variables in them are bound as values by the expression language).
     */
    public String requiredExpression(String name) {
        Object value = node.config().get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new NodeFailure("workflow.error.settingEmpty", name, node.key());
        }
        return String.valueOf(value);
    }
}
