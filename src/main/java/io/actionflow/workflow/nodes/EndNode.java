package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;

/** End: stops the workflow here, as a success or as a failure ({@code status}: success | fail). */
public final class EndNode implements NodeExecutor {

    @Override
    public String type() {
        return "end";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return new NodeResult.End(!"fail".equals(context.text("status")), null);
    }
}
