package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;
import java.util.HashMap;
import java.util.List;

/** Query record(s): reads records of a collection by a filter and a sort; one record, or a list when {@code multiple}. */
public final class QueryNode implements NodeExecutor {

    @Override
    public String type() {
        return "query";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        boolean multiple = Boolean.parseBoolean(String.valueOf(context.config().get("multiple")));
        int limit = multiple ? Math.min(Settings.number(context, "limit", 100), 1000) : 1;
        var found = context.ports().records().find(context.requiredText("collection"), Settings.filter(context),
                Settings.sorts(context), limit);
        if (multiple) {
            return new NodeResult.Continue(found);
        }
        return new NodeResult.Continue(found.isEmpty() ? null : new HashMap<>(found.getFirst()));
    }

    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        var problems = new java.util.ArrayList<>(Settings.problems(node, where, false, false));
        // "at most" written out is a whole number from 1 to 1,000
        Object limit = node.config().get("limit");
        if (limit != null && !String.valueOf(limit).isBlank() && !NodeCheck.filled(limit)
                && !String.valueOf(limit).strip().matches("0*([1-9]\\d{0,2}|1000)")) {
            problems.add(Text.of("workflow.problem.limit", node.key(), String.valueOf(limit)));
        }
        return problems;
    }
}
