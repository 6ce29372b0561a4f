package io.actionflow.approval;

import java.time.Instant;

/** What one approver is asked, in one round of one approval node, and what they did. */
public record ApprovalTask(long id, long approvalId, int round, String approver, Status status, String comment,
        String delegatedFrom, Instant createdAt, Instant decidedAt) {

    public enum Status {
        PENDING, APPROVED, REJECTED, RETURNED,
        /** Handed to someone else, who got a task of their own. */
        DELEGATED,
        /** No longer needed: the node was decided without it, or the request was withdrawn or returned. */
        CLOSED
    }
}
