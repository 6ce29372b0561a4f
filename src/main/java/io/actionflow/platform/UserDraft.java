package io.actionflow.platform;

import java.util.Set;

/** A new account as an admin fills it in. */
public record UserDraft(String username, String displayName, String email, String password, Set<String> roles) {
}
