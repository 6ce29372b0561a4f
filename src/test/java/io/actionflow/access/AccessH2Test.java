package io.actionflow.access;

import io.actionflow.H2Test;

@H2Test
class AccessH2Test extends AccessContract {
}
