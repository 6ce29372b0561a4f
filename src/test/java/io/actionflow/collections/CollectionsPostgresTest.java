package io.actionflow.collections;

import io.actionflow.PostgresTest;

@PostgresTest
class CollectionsPostgresTest extends CollectionsContract {
}
