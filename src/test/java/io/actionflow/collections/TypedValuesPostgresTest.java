package io.actionflow.collections;

import io.actionflow.PostgresTest;

@PostgresTest
class TypedValuesPostgresTest extends TypedValuesContract {
}
