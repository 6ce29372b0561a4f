package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Delay: holds the execution for a duration (ISO-8601 such as PT10M, or seconds) without holding a thread. */
public final class DelayNode implements NodeExecutor {

    @Override
    public String type() {
        return "delay";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String text = context.requiredText("duration").strip();
        Duration duration = Settings.duration(text);
        if (duration == null) {
            throw new NodeFailure("workflow.error.duration", text, context.node().key());
        }
        var until = context.ports().clock().instant().plus(duration);
        return new NodeResult.Wait(until, Map.of("until", until.toString()));
    }

    @Override
    public boolean waits() {
        return true;
    }

    /** A duration written out (not a variable) must be one: a number of seconds or ISO-8601, not negative. */
    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        Object setting = node.config().get("duration");
        if (setting == null || String.valueOf(setting).isBlank()) {
            return List.of(Text.of("workflow.problem.settingEmpty", node.key(), Text.of("nodeSetting.duration")));
        }
        if (NodeCheck.filled(setting)) {
            return List.of();
        }
        String text = String.valueOf(setting).strip();
        Duration duration = Settings.duration(text);
        return duration == null || duration.isNegative() ? List.of(Text.of("workflow.error.duration", text, node.key())) : List.of();
    }
}
