package io.actionflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins in a row and locks an account that has too many; a success starts the count again. */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserService users;

    LoginAttempts(UserService users) {
        this.users = users;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        try {
            users.recordFailedLogin(username);
        } catch (RuntimeException e) {
            // Two failures at once may race on the counter; losing one count must not break the sign-in page.
            log.warn("Could not record a failed sign-in for '{}': {}", username, e.toString());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        try {
            users.recordSuccessfulLogin(event.getAuthentication().getName());
        } catch (RuntimeException e) {
            log.warn("Could not reset failed sign-ins for '{}': {}", event.getAuthentication().getName(), e.toString());
        }
    }
}
