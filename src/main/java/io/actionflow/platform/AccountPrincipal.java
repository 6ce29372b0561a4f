package io.actionflow.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as Spring Security holds it: the id that records store as their author, the roles the account
 * holds, and the one it acts with now (its only authority, so that every check sees that role and no other).
 */
class AccountPrincipal extends User {

    private final long id;
    private final Set<String> held;

    AccountPrincipal(long id, String username, String passwordHash, boolean enabled, boolean locked, Set<String> held,
            String acting) {
        super(username, passwordHash, enabled, true, true, !locked, authorities(acting));
        this.id = id;
        this.held = Set.copyOf(held);
    }

    private static Collection<? extends GrantedAuthority> authorities(String acting) {
        return acting == null ? List.of() : List.of(new SimpleGrantedAuthority(Role.authority(acting)));
    }

    long id() {
        return id;
    }

    Set<String> held() {
        return held;
    }

    /** The same account acting with another of its roles. */
    AccountPrincipal actingAs(String role) {
        return new AccountPrincipal(id, getUsername(), "", isEnabled(), !isAccountNonLocked(), held, role);
    }
}
