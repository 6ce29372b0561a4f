package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
        Duration duration;
        try {
            duration = text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new NodeFailure("workflow.error.duration", text, context.node().key());
        }
        var until = context.ports().clock().instant().plus(duration);
        return new NodeResult.Wait(until, Map.of("until", until.toString()));
    }

    @Override
    public boolean waits() {
        return true;
    }
}
