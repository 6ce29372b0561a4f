package io.actionflow.platform;

import java.time.Instant;

/**
 * A token that signs HTTP API calls in as its user, as its owner and admins see it (never its secret).
 *
 * @param hint the first characters of the secret, to tell tokens apart
 */
public record ApiToken(long id, String username, String name, String hint, Kind kind, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

    /** Personal tokens live until revoked; sign-in tokens expire. */
    public enum Kind { PERSONAL, SIGN_IN }

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
