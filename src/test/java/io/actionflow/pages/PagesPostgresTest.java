package io.actionflow.pages;

import io.actionflow.PostgresTest;

@PostgresTest
class PagesPostgresTest extends PagesContract {
}
