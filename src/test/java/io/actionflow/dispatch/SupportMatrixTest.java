package io.actionflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.triggers.TriggerType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cell of mission.md's support matrix, read as the table reads. */
class SupportMatrixTest {

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "CREATE,  PRE_ACTION,    true", "CREATE,  POST_ACTION,   true", "CREATE,  APPROVAL, true", "CREATE,  CUSTOM_ACTION, false",
            "UPDATE,  PRE_ACTION,    true", "UPDATE,  POST_ACTION,   true", "UPDATE,  APPROVAL, true", "UPDATE,  CUSTOM_ACTION, false",
            "DESTROY, PRE_ACTION,    true", "DESTROY, POST_ACTION,   false", "DESTROY, APPROVAL, false", "DESTROY, CUSTOM_ACTION, false",
            "TRIGGER, PRE_ACTION,    false", "TRIGGER, POST_ACTION,  false", "TRIGGER, APPROVAL, false", "TRIGGER, CUSTOM_ACTION, true",
            "CREATE,  COLLECTION,    false", "UPDATE,  COLLECTION,   false", "DESTROY, COLLECTION, false", "TRIGGER, COLLECTION, false",
    })
    void every_cell(Action action, TriggerType type, boolean supported) {
        assertThat(SupportMatrix.supports(action, type)).isEqualTo(supported);
        assertThat(SupportMatrix.types(action).contains(type)).isEqualTo(supported);
    }
}
