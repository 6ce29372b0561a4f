package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
import java.util.List;

/** How one run of a workflow ended, for the caller: its status, what it told the user, why it failed, its execution. */
public record RunOutcome(long executionId, ExecutionStatus status, List<String> messages, String error) {

    public boolean resolved() {
        return status == ExecutionStatus.RESOLVED;
    }
}
