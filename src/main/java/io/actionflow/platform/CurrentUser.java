package io.actionflow.platform;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting in this request, as Spring Security knows it. Works the same for a click and an API call. */
@Component
public class CurrentUser {

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

    public boolean hasRole(Role role) {
        return authentication()
                .map(a -> a.getAuthorities().stream().anyMatch(g -> role.authority().equals(g.getAuthority())))
                .orElse(false);
    }

    public boolean isSignedIn() {
        return authentication().isPresent();
    }

    private Optional<Authentication> authentication() {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }
}
