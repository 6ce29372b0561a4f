package io.actionflow.approval;

import io.actionflow.workflow.ExecutionOrigin;
import java.util.Map;

/**
 * What the dispatcher hands over when a click or call is held for approval.
 *
 * @param workflowId the version of the approval workflow to run
 * @param recordId   the saved record (after save), or for a before-save update the record to change; null for a
 *                   before-save create
 * @param data       the submitted values (after pre-action workflows changed them), or the saved record
 * @param held       what the dispatcher needs to write a held submission later, as it wrote it: opaque here
 * @param context    the context the workflow runs with (operator, role, data)
 */
public record Submission(long workflowId, String workflowKey, String title, String collection, String action, Long recordId,
        boolean beforeSave, Map<String, Object> data, Map<String, Object> held, String submitter,
        Map<String, Object> context, ExecutionOrigin origin) {
}
