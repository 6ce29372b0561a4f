package io.actionflow.workflow;

import io.actionflow.PostgresTest;

@PostgresTest
class AsyncWorkflowsPostgresTest extends AsyncWorkflowsContract {
}
