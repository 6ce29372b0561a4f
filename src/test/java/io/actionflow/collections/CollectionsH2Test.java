package io.actionflow.collections;

import io.actionflow.H2Test;

@H2Test
class CollectionsH2Test extends CollectionsContract {
}
