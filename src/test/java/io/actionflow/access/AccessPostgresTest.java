package io.actionflow.access;

import io.actionflow.PostgresTest;

@PostgresTest
class AccessPostgresTest extends AccessContract {
}
