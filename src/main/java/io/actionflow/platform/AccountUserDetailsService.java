package io.actionflow.platform;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security's view of our accounts: locked while {@code lockedUntil} is ahead, disabled when switched off. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Roles roles;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository accounts, Roles roles, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(UserService.normalize(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        boolean locked = account.getLockedUntil() != null && account.getLockedUntil().isAfter(clock.instant());
        return new AccountPrincipal(account.getId(), account.getUsername(), account.getPasswordHash(),
                account.isEnabled(), locked, account.getRoles(), roles.firstActing(account.getRoles()));
    }
}
