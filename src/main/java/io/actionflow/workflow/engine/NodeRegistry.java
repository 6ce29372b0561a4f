package io.actionflow.workflow.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** From node type to the executor that runs it. */
public final class NodeRegistry {

    private final Map<String, NodeExecutor> executors = new LinkedHashMap<>();

    public NodeRegistry(Collection<? extends NodeExecutor> all) {
        for (NodeExecutor executor : all) {
            if (executors.put(executor.type(), executor) != null) {
                throw new IllegalStateException("Two executors for node type " + executor.type());
            }
        }
    }

    public Optional<NodeExecutor> find(String type) {
        return Optional.ofNullable(executors.get(type));
    }

    public NodeExecutor get(String type) {
        return find(type).orElseThrow(() -> new NodeFailure("workflow.error.unknownType", type));
    }

    public Collection<String> types() {
        return executors.keySet();
    }
}
