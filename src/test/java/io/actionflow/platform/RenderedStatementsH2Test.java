package io.actionflow.platform;

import io.actionflow.H2Test;

@H2Test
class RenderedStatementsH2Test extends RenderedStatementsContract {
}
