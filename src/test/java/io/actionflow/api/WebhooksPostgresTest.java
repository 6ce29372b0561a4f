package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class WebhooksPostgresTest extends WebhooksContract {
}
