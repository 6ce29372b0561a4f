package io.actionflow.api;

import io.actionflow.PostgresTest;

@PostgresTest
class ApiHonestyPostgresTest extends ApiHonestyContract {
}
