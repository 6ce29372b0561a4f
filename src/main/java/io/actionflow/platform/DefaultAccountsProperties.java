package io.actionflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The admin and member accounts that the first start creates. */
@ConfigurationProperties("actionflow.accounts")
record DefaultAccountsProperties(Account admin, Account member) {

    record Account(String username, String password, String displayName) {
    }
}
