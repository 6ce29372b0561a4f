package io.actionflow.workflow.engine;

import java.time.Instant;

/**
 * The recorded run of one node (one iteration, inside a loop): enough to replay it without running it again.
 *
 * @param jobKey   the node key, with the loop iteration for nodes inside loops ({@code notify@loop1:2})
 * @param branch   the branch a condition took, or null
 * @param resumeAt when a waiting job may go on
 */
public record JobState(String jobKey, String nodeKey, JobStatus status, Object input, Object output, String branch,
        Instant resumeAt, String error, long durationMicros) {
}
