package io.actionflow.platform;

import io.actionflow.H2Test;

@H2Test
class UserAccountsH2Test extends UserAccountsContract {
}
