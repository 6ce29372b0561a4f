package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
import java.util.List;

/**
 * How one run of a workflow ended, for the caller: its status, what it told the user, why it failed (an encoded
 * {@link io.actionflow.platform.Text} or a plain text), its execution; whether an End node with success stopped
 * it ({@code stopped}), and the submitted values as Update submitted data nodes changed them (null when none ran), and the
 * answer a Webhook response node set ({@code status}, {@code body}; null when none ran).
 */
public record RunOutcome(long executionId, ExecutionStatus status, List<String> messages, String error, boolean stopped,
        java.util.Map<String, Object> submitted, java.util.Map<String, Object> response) {

    public boolean resolved() {
        return status == ExecutionStatus.RESOLVED;
    }

    /** A node failed, erred or an End node failed it (a stack-limit abort is not a failure). */
    public boolean failed() {
        return status == ExecutionStatus.FAILED || status == ExecutionStatus.ERROR;
    }
}
