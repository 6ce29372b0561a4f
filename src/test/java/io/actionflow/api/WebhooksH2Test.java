package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class WebhooksH2Test extends WebhooksContract {
}
