/** Admin views of workflows: the list, the canvas editor with versions and test runs, and the execution history. */
package io.actionflow.workflow.ui;
