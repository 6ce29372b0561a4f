/**
 * Workflow definitions, versions, executions and jobs; the engine that runs them.
 */
package io.actionflow.workflow;
