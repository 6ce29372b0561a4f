package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.List;
import java.util.Map;

/** Update record(s): sets values on every record the filter matches; a filter is required, so nothing updates all. */
public final class UpdateRecordsNode implements NodeExecutor {

    @Override
    public String type() {
        return "update";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        var filter = Settings.filter(context);
        if (filter.isEmpty()) {
            throw new NodeFailure("workflow.error.updateNoFilter", context.node().key());
        }
        int count = context.ports().records().update(context.requiredText("collection"), filter, Settings.values(context));
        return new NodeResult.Continue(Map.of("count", count));
    }

    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        return Settings.problems(node, where, true, true);
    }
}
