package io.actionflow.workflow.ui;

import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Changes to a graph as the canvas makes them: insert a node into a chain, replace a node, remove one. */
final class GraphEdits {

    private GraphEdits() {
    }

    /** Inserts {@code node} at {@code index} of the chain owned by {@code parentKey}'s {@code branch} (null: the main chain). */
    static WorkflowGraph insert(WorkflowGraph graph, String parentKey, String branch, int index, NodeDef node) {
        return new WorkflowGraph(insert(graph.chain(), parentKey, branch, index, node));
    }

    static WorkflowGraph replace(WorkflowGraph graph, NodeDef node) {
        return new WorkflowGraph(map(graph.chain(), n -> n.key().equals(node.key()) ? node : n));
    }

    static WorkflowGraph remove(WorkflowGraph graph, String key) {
        return new WorkflowGraph(removeFrom(graph.chain(), key));
    }

    private static List<NodeDef> insert(List<NodeDef> chain, String parentKey, String branch, int index, NodeDef node) {
        if (parentKey == null) {
            var copy = new ArrayList<>(chain);
            copy.add(Math.max(0, Math.min(index, copy.size())), node);
            return copy;
        }
        return map(chain, n -> {
            if (n.key().equals(parentKey)) {
                var inner = new ArrayList<>(n.branch(branch));
                inner.add(Math.max(0, Math.min(index, inner.size())), node);
                return n.withBranch(branch, inner);
            }
            return n;
        }, (n, name) -> insert(n.branch(name), parentKey, branch, index, node));
    }

    private static List<NodeDef> removeFrom(List<NodeDef> chain, String key) {
        var kept = new ArrayList<NodeDef>();
        for (NodeDef n : chain) {
            if (!n.key().equals(key)) {
                var branches = new HashMap<String, List<NodeDef>>();
                n.branches().forEach((name, inner) -> branches.put(name, removeFrom(inner, key)));
                kept.add(new NodeDef(n.key(), n.type(), n.title(), n.config(), branches));
            }
        }
        return kept;
    }

    private static List<NodeDef> map(List<NodeDef> chain, java.util.function.UnaryOperator<NodeDef> change) {
        return map(chain, change, (n, name) -> map(n.branch(name), change));
    }

    private static List<NodeDef> map(List<NodeDef> chain, java.util.function.UnaryOperator<NodeDef> change,
            java.util.function.BiFunction<NodeDef, String, List<NodeDef>> inner) {
        var result = new ArrayList<NodeDef>();
        for (NodeDef n : chain) {
            NodeDef changed = change.apply(n);
            var branches = new HashMap<String, List<NodeDef>>();
            for (String name : changed.branches().keySet()) {
                branches.put(name, changed == n ? inner.apply(n, name) : changed.branch(name));
            }
            result.add(new NodeDef(changed.key(), changed.type(), changed.title(), changed.config(), branches));
        }
        return result;
    }

    /** A key not used in the graph yet, from the node type: {@code condition1}, {@code condition2}, … */
    static String freeKey(WorkflowGraph graph, String type) {
        String base = type.replaceAll("[^a-z]", "");
        var used = graph.all().stream().map(NodeDef::key).toList();
        for (int n = 1; ; n++) {
            if (!used.contains(base + n)) {
                return base + n;
            }
        }
    }
}
