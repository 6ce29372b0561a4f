package io.actionflow.approval;

import io.actionflow.PostgresTest;

@PostgresTest
class ManualTasksPostgresTest extends ManualTasksContract {
}
