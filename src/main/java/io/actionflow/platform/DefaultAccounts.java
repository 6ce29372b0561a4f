package io.actionflow.platform;

import java.util.Set;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the admin and member accounts on first start, and warns at every start while they keep their passwords. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultAccounts.class);

    private final UserService users;
    private final DefaultAccountsProperties properties;

    DefaultAccounts(UserService users, DefaultAccountsProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.hasAnyAccount()) {
            create(properties.admin(), Set.of(Role.ADMIN_ID, Role.MEMBER_ID));
            create(properties.member(), Set.of(Role.MEMBER_ID));
        }
        List<String> unchanged = users.usernamesWithDefaultPassword();
        if (!unchanged.isEmpty()) {
            log.warn("These accounts still have their default password: {}. Sign in and change them under Admin > Users.",
                    String.join(", ", unchanged));
        }
    }

    private void create(DefaultAccountsProperties.Account account, Set<String> roles) {
        users.createInitial(account.username(), account.displayName(), account.password(), roles);
        log.info("Created account '{}' with roles {}", account.username(), roles);
    }
}
