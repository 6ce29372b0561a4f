package io.actionflow.platform;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is acting in this request, as Spring Security knows it, and with which role: a user holds several roles and
 * acts with one at a time (the API's {@code X-Role}, the role switcher of the profile menu). Works the same for a
 * click and an API call.
 */
@Component
public class CurrentUser {

    private static final String PREFIX = "ROLE_";

    private final SecurityContextHolderStrategy contexts;

    /** Reads the context the way the rest of this application context does (Vaadin installs its own strategy). */
    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    /** The account id of the signed-in user, when the sign-in went through our accounts. */
    public Optional<Long> id() {
        return authentication().map(Authentication::getPrincipal)
                .filter(AccountPrincipal.class::isInstance)
                .map(p -> ((AccountPrincipal) p).id());
    }

    /** Whether the acting role is {@code role}. */
    public boolean hasRole(String role) {
        return actingRole().map(role::equals).orElse(false);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN_ID);
    }

    /**
     * The role this request acts with: the one role its authentication carries ({@code admin} when, as in some
     * tests, it carries several and that is one of them).
     */
    public Optional<String> actingRole() {
        var roles = authorities();
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(roles.contains(Role.ADMIN_ID) ? Role.ADMIN_ID : roles.stream().sorted().findFirst().orElseThrow());
    }

    /** Every role the signed-in user holds, whichever they act with now. */
    public Set<String> heldRoles() {
        return authentication().map(Authentication::getPrincipal)
                .filter(AccountPrincipal.class::isInstance)
                .map(p -> ((AccountPrincipal) p).held())
                .orElseGet(this::authorities);
    }

    /**
     * The authentication of the same user acting with another of their roles, or empty when they do not hold it.
     * The caller installs it (and, for the UI, keeps it in the session).
     */
    public Optional<Authentication> actingAs(String role) {
        var auth = authentication().orElse(null);
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal) || !principal.held().contains(role)) {
            return Optional.empty();
        }
        var switched = principal.actingAs(role);
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(switched, null, switched.getAuthorities()));
    }

    /**
     * Installs {@link #actingAs} for the rest of this request, in the same holder the security filters read and clear,
     * and gives the new context back for the caller to keep in the session.
     */
    public Optional<org.springframework.security.core.context.SecurityContext> switchTo(String role) {
        return actingAs(role).map(switched -> {
            var context = contexts.createEmptyContext();
            context.setAuthentication(switched);
            contexts.setContext(context);
            return context;
        });
    }

    public boolean isSignedIn() {
        return authentication().isPresent();
    }

    private Set<String> authorities() {
        return authentication().map(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(g -> g.startsWith(PREFIX)).map(g -> g.substring(PREFIX.length())).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private Optional<Authentication> authentication() {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }
}
