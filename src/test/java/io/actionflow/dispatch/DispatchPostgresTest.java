package io.actionflow.dispatch;

import io.actionflow.PostgresTest;

@PostgresTest
class DispatchPostgresTest extends DispatchContract {
}
