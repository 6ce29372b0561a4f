package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class BypassMatrixPostgresTest extends BypassMatrixContract {
}
