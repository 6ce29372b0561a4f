package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which executions the history shows: of every version of {@code key}, or of one version when {@code workflowId} is
 * set, or of every workflow when both are null; with one of {@code statuses} (all when empty); started from {@code from} (inclusive) to
 * {@code to} (exclusive), either bound open when null; test runs included or not.
 */
public record ExecutionQuery(String key, Long workflowId, Set<ExecutionStatus> statuses, Instant from, Instant to,
        boolean testRuns) {

    public ExecutionQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static ExecutionQuery of(String key) {
        return new ExecutionQuery(key, null, Set.of(), null, null, true);
    }
}
