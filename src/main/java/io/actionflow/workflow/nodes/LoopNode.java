package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Loop: runs its {@code body} branch once per item of {@code target} (a list, usually a variable) or {@code count}
 * times; inside, {@code $scopes.<key>.item} and {@code .index} name the current one. At most 10,000 rounds.
 */
public final class LoopNode implements NodeExecutor {

    static final int MAX_ROUNDS = 10_000;

    @Override
    public String type() {
        return "loop";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Object target = context.config().get("target");
        List<Object> items;
        if (target instanceof List<?> list) {
            items = new ArrayList<>(list);
        } else if (target instanceof Number || target instanceof String s && s.strip().matches("\\d+")) {
            int count = (int) Double.parseDouble(String.valueOf(target).strip());
            items = new ArrayList<>(IntStream.range(0, count).boxed().map(Object.class::cast).toList());
        } else if (target == null) {
            items = List.of();
        } else {
            items = List.of(target);
        }
        if (items.size() > MAX_ROUNDS) {
            throw new NodeFailure("workflow.error.loopTooLong", context.node().key(), items.size(), MAX_ROUNDS);
        }
        return new NodeResult.Repeat(items, null);
    }

    /** What a loop walks, when written out rather than a variable: a whole number of rounds, or a list. */
    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        Object target = node.config().get("target");
        if (target == null || target instanceof String text && text.isBlank()) {
            return List.of(Text.of("workflow.problem.settingEmpty", node.key(), Text.of("nodeSetting.target")));
        }
        if (target instanceof List<?> || target instanceof Number n && n.doubleValue() >= 0 || NodeCheck.filled(target)
                || String.valueOf(target).strip().matches("\\d{1,5}")) {
            return List.of();
        }
        return List.of(Text.of("workflow.problem.loopTarget", node.key(), String.valueOf(target)));
    }
}
