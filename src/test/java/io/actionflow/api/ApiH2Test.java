package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class ApiH2Test extends ApiContract {
}
