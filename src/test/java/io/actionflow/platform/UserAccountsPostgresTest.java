package io.actionflow.platform;

import io.actionflow.PostgresTest;

@PostgresTest
class UserAccountsPostgresTest extends UserAccountsContract {
}
