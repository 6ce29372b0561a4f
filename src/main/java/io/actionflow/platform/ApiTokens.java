package io.actionflow.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: personal ones that a user (or an admin, for anyone) creates and names, sees the last use of, and revokes;
 * and those a sign-in over the API returns, which expire. The secret is shown once, when it is made; only its SHA-256
 * hash is kept, so a stolen database signs nobody in. Signing a call in opens no transaction: the token and its account
 * come from caches, and a miss reads through repositories that open their own (a transaction interceptor on every
 * call was a measurable part of a call's CPU).
 */
@Service
public class ApiTokens {

    /** How long a token from {@code auth:signIn} signs calls in. */
    static final Duration SIGN_IN_LIFETIME = Duration.ofHours(12);
    /** Last use is written at most this often: a busy script does not write on every call. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Roles roles;
    private final Constraints constraints;
    /**
     * Tokens by the hash of their secret, as last committed: a call is signed in without reading the database. A
     * revocation here empties it at once; another instance refuses the token within the TTL.
     */
    private final CommittedCache<String, Optional<Known>> byHash;
    /** When each token's last use was last written: a busy script does not write on every call. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Instant> lastWritten = new java.util.concurrent.ConcurrentHashMap<>();

    /** What signing a call in needs of a token. */
    private record Known(long id, String username, ApiToken view) {
    }

    ApiTokens(ApiTokenRepository tokens, UserService users, CurrentUser currentUser, Clock clock, Roles roles,
            @org.springframework.beans.factory.annotation.Value("${actionflow.accounts.cache-ttl:750ms}") Duration cacheTtl, Constraints constraints) {
        this.constraints = constraints;
        this.byHash = new CommittedCache<>(cacheTtl, clock, 10_000);
        this.roles = roles;
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A token just made, with its secret: the only time the secret is known. */
    public record Issued(ApiToken token, String secret) {
    }

    /** Makes a personal token for {@code username}: the user for themselves, or an admin for anyone. */
    @Transactional
    public Issued create(String username, String name) {
        String owner = UserService.normalize(username);
        requireSelfOrAdmin(owner);
        String label = name == null ? "" : name.strip();
        constraints.check(new ApiTokenDraft(label));
        users.findByUsername(owner).orElseThrow(() -> new ValidationException(FieldError.of("username", "user.notFound")));
        return issue(owner, label, ApiToken.Kind.PERSONAL, currentUser.username().orElse(owner), null);
    }

    /** A token for a sign-in over the API (the password was checked by the caller); it expires. */
    @Transactional
    public Issued signedIn(String username) {
        return issue(UserService.normalize(username), "sign-in", ApiToken.Kind.SIGN_IN, UserService.normalize(username),
                clock.instant().plus(SIGN_IN_LIFETIME));
    }

    /** The personal tokens of a user, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(String username) {
        String owner = UserService.normalize(username);
        requireSelfOrAdmin(owner);
        return tokens.findByUsernameAndKindOrderByCreatedAtDesc(owner, ApiToken.Kind.PERSONAL.name()).stream()
                .map(ApiTokenEntity::view).toList();
    }

    /** Revokes a token: calls signed with it are refused from now on. */
    @Transactional
    public ApiToken revoke(long id) {
        byHash.changing();
        var token = tokens.findById(id).orElseThrow(() -> new NotFoundException("apiToken.notFound", id));
        requireSelfOrAdmin(token.username);
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
        return token.view();
    }

    /** A disabled account's tokens are revoked with it, so that enabling it again brings none of them back. */
    @org.springframework.context.event.EventListener
    void accountDisabled(UserService.AccountDisabled disabled) {
        byHash.changing();
        tokens.revokeAll(disabled.username(), clock.instant());
    }

    /** Who a call is, from its token and the role it asks for. */
    public sealed interface Caller {

        /** Signed in, acting with {@code role} (the one asked for, or the user's highest). */
        record Signed(org.springframework.security.core.Authentication authentication, String role) implements Caller {
        }

        /** The token is unknown, revoked or expired, or its account is disabled. */
        record Unknown() implements Caller {
        }

        /** The role asked for is not one of the user's. */
        record RoleRefused(String role) implements Caller {
        }
    }

    /**
     * The caller a token signs in, acting with {@code role} when one is asked for ({@code X-Role}); the authentication
     * then carries that role only, so the call can do what that role can and no more.
     */
    public Caller caller(String secret, String role) {
        var user = authenticate(secret).orElse(null);
        if (user == null) {
            return new Caller.Unknown();
        }
        String acting;
        if (role == null || role.isBlank()) {
            acting = roles.firstActing(user.roles());
        } else {
            acting = role.strip();
            if (!user.roles().contains(acting)) {
                return new Caller.RoleRefused(acting);
            }
        }
        var principal = new AccountPrincipal(user.id(), user.username(), "", true, false, user.roles(), acting);
        return new Caller.Signed(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()), acting);
    }

    /**
     * The enabled account a secret signs in, when the token is active; its last use is noted. Empty for an unknown,
     * revoked or expired token, or a disabled or locked account.
     */
    Optional<UserSummary> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        var now = clock.instant();
        var token = byHash.get(hash(secret.strip()), () -> tokens.findByTokenHash(hash(secret.strip()))
                .map(t -> new Known(t.id, t.username, t.view()))).filter(t -> t.view().active(now)).orElse(null);
        if (token == null) {
            return Optional.empty();
        }
        // a disabled account signs nobody in, nor one locked after failed sign-ins while the lock lasts
        var user = users.account(token.username()).filter(u -> u.enabled() && !u.isLocked(now));
        if (user.isPresent()) {
            noteUse(token, now);
        }
        return user;
    }

    /** Writes a token's last use when the one written is older than the precision kept. */
    private void noteUse(Known token, Instant now) {
        Instant written = lastWritten.computeIfAbsent(token.id(), id -> token.view().lastUsedAt() == null ? Instant.EPOCH
                : token.view().lastUsedAt());
        if (written.isBefore(now.minus(LAST_USE_PRECISION)) && lastWritten.replace(token.id(), written, now)) {
            tokens.noteUse(token.id(), now);
        }
    }

    private Issued issue(String username, String name, ApiToken.Kind kind, String createdBy, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "af_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var entity = new ApiTokenEntity();
        entity.username = username;
        entity.name = name;
        entity.tokenHash = hash(secret);
        entity.hint = secret.substring(0, 9);
        entity.kind = kind.name();
        entity.createdBy = createdBy;
        entity.createdAt = clock.instant();
        entity.expiresAt = expiresAt;
        tokens.save(entity);
        return new Issued(entity.view(), secret);
    }

    private void requireSelfOrAdmin(String username) {
        String me = currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!me.equals(username) && !currentUser.isAdmin()) {
            throw new AccessDeniedException("Only " + username + " or an admin may manage these tokens");
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
