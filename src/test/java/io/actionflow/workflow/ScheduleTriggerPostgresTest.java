package io.actionflow.workflow;

import io.actionflow.PostgresTest;

@PostgresTest
class ScheduleTriggerPostgresTest extends ScheduleTriggerContract {
}
