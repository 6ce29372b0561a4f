package io.actionflow.dispatch;

import io.actionflow.H2Test;

@H2Test
class OrderExampleH2Test extends OrderExampleContract {
}
