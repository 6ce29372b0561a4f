package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class ApiPostgresTest extends ApiContract {
}
