package io.actionflow.workflow;

import io.actionflow.H2Test;

@H2Test
class ScheduleTriggerH2Test extends ScheduleTriggerContract {
}
