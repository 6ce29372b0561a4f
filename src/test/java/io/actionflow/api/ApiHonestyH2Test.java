package io.actionflow.api;

import io.actionflow.H2Test;

@H2Test
class ApiHonestyH2Test extends ApiHonestyContract {
}
