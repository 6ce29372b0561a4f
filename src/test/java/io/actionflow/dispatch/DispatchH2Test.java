package io.actionflow.dispatch;

import io.actionflow.H2Test;

@H2Test
class DispatchH2Test extends DispatchContract {
}
