package io.actionflow.workflow;

import io.actionflow.H2Test;

@H2Test
class WorkflowsH2Test extends WorkflowsContract {
}
