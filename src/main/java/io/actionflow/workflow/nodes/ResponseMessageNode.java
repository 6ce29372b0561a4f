package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;

/** Response message: a text, with variables, that the user who clicked sees; synchronous workflows only. */
public final class ResponseMessageNode implements NodeExecutor {

    @Override
    public String type() {
        return "response-message";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String message = context.requiredText("message");
        context.messages().add(message);
        return new NodeResult.Continue(message);
    }

    @Override
    public boolean synchronousOnly() {
        return true;
    }
}
