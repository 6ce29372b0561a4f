package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class RulesHoldPostgresTest extends RulesHoldContract {
}
