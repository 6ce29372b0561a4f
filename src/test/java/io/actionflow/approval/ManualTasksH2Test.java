package io.actionflow.approval;

import io.actionflow.H2Test;

@H2Test
class ManualTasksH2Test extends ManualTasksContract {
}
