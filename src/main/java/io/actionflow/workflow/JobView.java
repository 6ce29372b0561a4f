package io.actionflow.workflow;

import io.actionflow.workflow.engine.JobStatus;

/** The recorded run of one node: what it got, what it gave, how long it took, and what went wrong. */
public record JobView(String jobKey, String nodeKey, JobStatus status, Object input, Object output, String branch,
        String error, long durationMicros) {
}
