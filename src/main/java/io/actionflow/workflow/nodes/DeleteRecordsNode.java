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

/** Delete record(s): deletes every record the filter matches; a filter is required. */
public final class DeleteRecordsNode implements NodeExecutor {

    @Override
    public String type() {
        return "destroy";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        var filter = Settings.filter(context);
        if (filter.isEmpty()) {
            throw new NodeFailure("workflow.error.deleteNoFilter", context.node().key());
        }
        int count = context.ports().records().delete(context.requiredText("collection"), filter);
        return new NodeResult.Continue(Map.of("count", count));
    }

    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        return Settings.problems(node, where, true, false);
    }
}
