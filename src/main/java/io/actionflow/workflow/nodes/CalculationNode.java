package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;
import java.util.List;

/** Calculation: evaluates an expression; its value is the node's output. */
public final class CalculationNode implements NodeExecutor {

    @Override
    public String type() {
        return "calculation";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return new NodeResult.Continue(context.evaluate(context.requiredText("expression")));
    }

    @Override
    public List<Text> problems(NodeDef node) {
        return ConditionNode.checkExpression(node, "expression");
    }
}
