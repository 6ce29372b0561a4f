package io.actionflow.workflow;

import io.actionflow.H2Test;

@H2Test
class AsyncWorkflowsH2Test extends AsyncWorkflowsContract {
}
