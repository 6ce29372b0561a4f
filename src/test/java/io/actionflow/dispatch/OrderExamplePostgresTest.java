package io.actionflow.dispatch;

import io.actionflow.PostgresTest;

@PostgresTest
class OrderExamplePostgresTest extends OrderExampleContract {
}
