/**
 * Approvals (issue 7): the approval trigger and node, approval requests with their tasks and timeline, and the
 * to-do center.
 */
package io.actionflow.approval;
