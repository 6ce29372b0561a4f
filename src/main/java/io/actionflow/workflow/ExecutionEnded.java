package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;

/**
 * An asynchronous execution has ended (resolved, rejected, failed for good, or canceled). Published in the transaction
 * that records the end, so that what listens (an approval request) ends with it.
 */
public record ExecutionEnded(long executionId, String workflowKey, ExecutionStatus status) {
}
