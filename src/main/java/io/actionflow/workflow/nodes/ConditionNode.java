package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.Expressions;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition: an expression that is true or false. In {@code branch} mode the workflow takes the {@code yes} or
 * {@code no} branch; in {@code continue} mode it goes on only when true and otherwise ends as failed.
 */
public final class ConditionNode implements NodeExecutor {

    private final Expressions expressions;

    public ConditionNode(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public String type() {
        return "condition";
    }

    @Override
    public Set<String> expressions() {
        return Set.of("expression");
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Object value = expressions.evaluate(context.requiredExpression("expression"), context.variables());
        if (!(value instanceof Boolean result)) {
            throw new NodeFailure("workflow.error.notBoolean", context.node().key(), value);
        }
        boolean branching = !"continue".equals(context.text("mode"));
        if (branching) {
            return new NodeResult.Branch(result ? "yes" : "no", Map.of("result", result));
        }
        return result ? new NodeResult.Continue(Map.of("result", true)) : new NodeResult.End(false, Map.of("result", false));
    }

    @Override
    public List<Text> problems(NodeDef node) {
        return checkExpression(expressions, node, "expression");
    }

    static List<Text> checkExpression(Expressions expressions, NodeDef node, String setting) {
        Object expression = node.config().get(setting);
        if (expression == null || String.valueOf(expression).isBlank()) {
            return List.of(Text.of("workflow.problem.settingMissing", node.key(), setting));
        }
        try {
            expressions.check(String.valueOf(expression));
            return List.of();
        } catch (NodeFailure e) {
            return List.of(Text.of("workflow.problem.node", node.key(), e.text()));
        }
    }
}
