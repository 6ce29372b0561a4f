package io.actionflow.approval;

import io.actionflow.H2Test;

@H2Test
class ApprovalsH2Test extends ApprovalsContract {
}
