package io.actionflow.platform;

import io.actionflow.PostgresTest;

@PostgresTest
class RenderedStatementsPostgresTest extends RenderedStatementsContract {
}
