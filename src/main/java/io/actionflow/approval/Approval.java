package io.actionflow.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submission for approval as its submitter and approvers see it: what was submitted (and since changed by approvers
 * or a resubmission), where it stands, and the approval node that asks now.
 *
 * @param recordId   the record once it exists: from the start for an after-save approval, after the final approval
 *                   for a before-save one
 * @param data       the submitted values as they stand now
 * @param editable   the fields the approvers of the current node may change
 * @param decided    whether anyone has decided on it yet (the submitter may withdraw only before that)
 */
public record Approval(long id, String workflowKey, String title, String collection, String action, Long recordId,
        boolean beforeSave, Map<String, Object> data, String submitter, Status status, String nodeTitle,
        List<String> editable, boolean decided, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    /** Where a request stands; all but PENDING, RETURNED and SAVING are final. */
    public enum Status {
        /** Approvers are asked. */
        PENDING,
        /** Returned to the submitter, who may change it and resubmit. */
        RETURNED,
        /** Approved; the held submission is being written. */
        SAVING,
        APPROVED, REJECTED, WITHDRAWN,
        /** The workflow failed, or the approved submission could not be written. */
        FAILED,
        /** An admin canceled the workflow. */
        CANCELED;

        public boolean isOpen() {
            return this == PENDING || this == RETURNED || this == SAVING;
        }
    }
}
