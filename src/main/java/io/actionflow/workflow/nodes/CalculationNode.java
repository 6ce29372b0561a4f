package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.Expressions;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;
import java.util.List;
import java.util.Set;

/** Calculation: evaluates an expression; its value is the node's output. */
public final class CalculationNode implements NodeExecutor {

    private final Expressions expressions;

    public CalculationNode(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public String type() {
        return "calculation";
    }

    @Override
    public Set<String> expressions() {
        return Set.of("expression");
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return new NodeResult.Continue(expressions.evaluate(context.requiredExpression("expression"), context.variables()));
    }

    @Override
    public List<Text> problems(NodeDef node) {
        return ConditionNode.checkExpression(expressions, node, "expression");
    }
}
