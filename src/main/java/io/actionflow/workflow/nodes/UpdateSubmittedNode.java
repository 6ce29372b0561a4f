package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;

/**
 * Update submitted data: changes the values the action is about to write (normalise a code, fill a default); later
 * nodes read the changed values in {@code $context.data}. Pre-action workflows only.
 */
public final class UpdateSubmittedNode implements NodeExecutor {

    @Override
    public String type() {
        return "update-submitted";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        var values = Settings.values(context);
        context.state().submit(values);
        return new NodeResult.Continue(values);
    }

    @Override
    public String onlyFor() {
        return "PRE_ACTION";
    }
}
