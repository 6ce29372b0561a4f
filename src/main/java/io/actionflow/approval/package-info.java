/**
 * Approvals (issue 7): the approval trigger and node, approval requests with their tasks and timeline, and the
 * to-do center. So far: the rules that decide a request from its approvers' decisions.
 */
package io.actionflow.approval;
