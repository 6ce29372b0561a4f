package io.actionflow.workflow;

import io.actionflow.workflow.engine.WorkflowGraph;

/** What running a workflow version needs of it: its identity, mode, retries and parsed nodes. */
record WorkflowVersion(long id, String key, int number, boolean synchronous, int retries, WorkflowGraph graph,
        io.actionflow.triggers.TriggerType triggerType) {
}
