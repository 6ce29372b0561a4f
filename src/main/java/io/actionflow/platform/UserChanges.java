package io.actionflow.platform;

import java.util.Set;

/** The editable details of an existing account; the username stays what it is. */
public record UserChanges(String displayName, String email, Set<String> roles) {
}
