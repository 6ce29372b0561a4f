package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class RulesHoldH2Test extends RulesHoldContract {
}
