package io.actionflow.approval;

import io.actionflow.PostgresTest;

@PostgresTest
class ApprovalsPostgresTest extends ApprovalsContract {
}
