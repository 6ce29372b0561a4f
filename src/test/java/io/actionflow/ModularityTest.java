package io.actionflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's public API; no cycles. */
class ModularityTest {

    @Test
    void module_boundaries_hold() {
        ApplicationModules.of(Application.class).verify();
    }
}
