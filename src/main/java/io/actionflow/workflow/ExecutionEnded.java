package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;

/**
 * An asynchronous execution has ended (resolved, rejected, failed for good, or canceled). Published in the transaction
 * that records the end, so that what listens (an approval request, for an approval workflow) ends with it.
 */
public record ExecutionEnded(long executionId, String workflowKey, io.actionflow.triggers.TriggerType triggerType,
        ExecutionStatus status) {
}
