package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
import java.time.Instant;

/** One execution as the history shows it. {@code messages} are what Response message nodes said, one per line. */
public record ExecutionSummary(long id, long workflowId, String key, int version, ExecutionStatus status, String error,
        String messages, int attempts, boolean testRun, Instant createdAt, Instant finishedAt, ExecutionOrigin origin) {
}
