package io.actionflow.platform;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in account as Spring Security holds it, with the id that records store as their author. */
class AccountPrincipal extends User {

    private final long id;

    AccountPrincipal(long id, String username, String passwordHash, boolean enabled, boolean locked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, !locked, authorities);
        this.id = id;
    }

    long id() {
        return id;
    }
}
