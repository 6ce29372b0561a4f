/**
 * Approval workflows, approval tasks and the to-do center.
 */
package io.actionflow.approval;
