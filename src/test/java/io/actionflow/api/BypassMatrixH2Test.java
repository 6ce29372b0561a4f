package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class BypassMatrixH2Test extends BypassMatrixContract {
}
