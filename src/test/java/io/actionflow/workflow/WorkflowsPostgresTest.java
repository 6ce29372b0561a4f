package io.actionflow.workflow;

import io.actionflow.PostgresTest;

@PostgresTest
class WorkflowsPostgresTest extends WorkflowsContract {
}
