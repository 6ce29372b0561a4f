package io.actionflow.workflow.engine;

import java.time.Instant;
import java.util.List;

/**
 * How a run of the processor ended: final ({@link ExecutionStatus#RESOLVED}, FAILED, ERROR, ABORTED) or waiting
 * until {@code resumeAt}. {@code messages} are what Response message nodes said; {@code error} explains a failure;
 * {@code response} is what a Webhook response node set (null when none ran).
 */
public record RunResult(ExecutionStatus status, List<String> messages, String error, Instant resumeAt, boolean stopped,
        java.util.Map<String, Object> submitted, java.util.Map<String, Object> response) {

    public RunResult(ExecutionStatus status, List<String> messages, String error, Instant resumeAt) {
        this(status, messages, error, resumeAt, false, null, null);
    }
}
