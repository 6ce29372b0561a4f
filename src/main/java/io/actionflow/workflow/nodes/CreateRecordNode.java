package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;

/** Create record: writes a new record through the application's write path; the record is the output. */
public final class CreateRecordNode implements NodeExecutor {

    @Override
    public String type() {
        return "create";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return new NodeResult.Continue(context.ports().records().create(context.requiredText("collection"), Settings.values(context)));
    }
}
