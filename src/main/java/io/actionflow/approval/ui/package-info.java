/** The to-do center: "My to-dos" for approvers and "My submissions" for submitters. */
package io.actionflow.approval.ui;
