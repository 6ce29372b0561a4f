package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;
import java.util.List;

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

    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        return Settings.problems(node, where, false, true);
    }
}
