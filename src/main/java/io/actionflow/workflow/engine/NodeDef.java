package io.actionflow.workflow.engine;

import java.util.List;
import java.util.Map;

/**
 * One node of a workflow: its stable key (kept across versions), its type, its settings, and the chains of nodes in
 * its branches ({@code yes} and {@code no} for a branching condition, {@code body} for a loop).
 */
public record NodeDef(String key, String type, String title, Map<String, Object> config, Map<String, List<NodeDef>> branches) {

    public NodeDef {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        branches = branches == null ? Map.of() : Map.copyOf(branches);
    }

    public static NodeDef of(String key, String type, Map<String, Object> config) {
        return new NodeDef(key, type, null, config, Map.of());
    }

    public NodeDef withBranch(String name, List<NodeDef> chain) {
        var copy = new java.util.HashMap<>(branches);
        copy.put(name, List.copyOf(chain));
        return new NodeDef(key, type, title, config, copy);
    }

    public List<NodeDef> branch(String name) {
        return branches.getOrDefault(name, List.of());
    }
}
