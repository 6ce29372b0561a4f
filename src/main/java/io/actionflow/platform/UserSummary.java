package io.actionflow.platform;

import java.time.Instant;
import java.util.Set;

/** What the rest of the application sees of an account. Never carries the password. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        String email,
        boolean enabled,
        Set<String> roles,
        boolean defaultPassword,
        Instant lockedUntil,
        Instant createdAt) {

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN_ID);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
