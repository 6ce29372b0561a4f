package io.actionflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token as stored: never the secret, only its hash and a few first characters to recognise it by. */
@Entity
@Table(name = "af_api_token")
class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 64)
    String username;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 64)
    String tokenHash;

    @Column(nullable = false, length = 16)
    String hint;

    @Column(nullable = false, length = 16)
    String kind;

    @Column(nullable = false, length = 64)
    String createdBy;

    @Column(nullable = false)
    Instant createdAt;

    Instant lastUsedAt;

    Instant expiresAt;

    Instant revokedAt;

    protected ApiTokenEntity() {
    }

    ApiToken view() {
        return new ApiToken(id, username, name, hint, ApiToken.Kind.valueOf(kind), createdBy, createdAt, lastUsedAt, expiresAt,
                revokedAt);
    }
}
