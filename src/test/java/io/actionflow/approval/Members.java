package io.actionflow.approval;

import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The members the approval and form tests ask things of: made for a test, and signed in for a step of it. */
final class Members {

    private Members() {
    }

    static String create(UserService users, String username) {
        users.create(new UserDraft(username, username.substring(0, 3).toUpperCase(Locale.ROOT) + " Tester", null,
                "long-enough-password", Set.of(Role.MEMBER_ID)));
        return username;
    }

    /** Runs {@code work} signed in as {@code username}, a member. */
    static <T> T as(SecurityContextHolderStrategy contexts, String username, Supplier<T> work) {
        var previous = contexts.getContext();
        try {
            var signedIn = contexts.createEmptyContext();
            signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                    List.of(new SimpleGrantedAuthority("ROLE_member"))));
            contexts.setContext(signedIn);
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }
}
