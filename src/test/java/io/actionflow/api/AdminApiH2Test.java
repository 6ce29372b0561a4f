package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class AdminApiH2Test extends AdminApiContract {
}
