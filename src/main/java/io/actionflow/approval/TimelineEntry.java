package io.actionflow.approval;

import java.time.Instant;

/**
 * One step in the life of an approval request, for its timeline: who did what, when, with what comment.
 *
 * @param detail what the kind needs besides: whom a task went to, the fields an approver changed, why saving failed
 */
public record TimelineEntry(Instant at, String actor, Kind kind, String comment, String detail) {

    public enum Kind {
        SUBMITTED, ASKED, APPROVED, REJECTED, RETURNED, RESUBMITTED, DELEGATED, COMMENTED, WITHDRAWN, CHANGED,
        /** The approval ended approved. */
        COMPLETED,
        /** The submission held until approval was written. */
        SAVED,
        /** The approval ended rejected. */
        DECLINED, FAILED, CANCELED
    }
}
