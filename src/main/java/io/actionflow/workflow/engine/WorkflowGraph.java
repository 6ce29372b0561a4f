package io.actionflow.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The nodes of a workflow version: a chain from the trigger down, with branches inside it. */
public record WorkflowGraph(List<NodeDef> chain) {

    public WorkflowGraph {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** Every node, depth first in run order. */
    public List<NodeDef> all() {
        var nodes = new ArrayList<NodeDef>();
        visit(chain, nodes::add);
        return nodes;
    }

    public Optional<NodeDef> node(String key) {
        return all().stream().filter(n -> n.key().equals(key)).findFirst();
    }

    private static void visit(List<NodeDef> chain, Consumer<NodeDef> visitor) {
        for (NodeDef node : chain) {
            visitor.accept(node);
            node.branches().keySet().stream().sorted().forEach(b -> visit(node.branch(b), visitor));
        }
    }
}
