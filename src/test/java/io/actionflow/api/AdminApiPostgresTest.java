package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class AdminApiPostgresTest extends AdminApiContract {
}
