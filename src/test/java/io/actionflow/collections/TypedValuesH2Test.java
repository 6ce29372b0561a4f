package io.actionflow.collections;

import io.actionflow.H2Test;

@H2Test
class TypedValuesH2Test extends TypedValuesContract {
}
