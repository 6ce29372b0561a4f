package io.actionflow.platform;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(nullable = false, length = 128)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private String passwordHash;

    private boolean enabled = true;

    private boolean defaultPassword;

    private int failedLogins;

    private Instant lockedUntil;

    @Column(length = 16)
    private String locale;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 32)
    private Set<String> roles = new java.util.TreeSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Set<String> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new java.util.TreeSet<>(roles);
        this.createdAt = createdAt;
    }

    UserSummary summary() {
        return new UserSummary(id, username, displayName, email, enabled, Set.copyOf(roles), defaultPassword,
                lockedUntil, createdAt);
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        defaultPassword = false;
        unlock();
    }

    /**
     * A sign-in attempt, counted before its password is checked; false when the account is locked, or locks now
     * because the attempts in a row are used up.
     */
    boolean claimSignIn(int maxFailures, Instant now, Instant lockUntil) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return false;
        }
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
            return false;
        }
        failedLogins++;
        return true;
    }

    /** An attempt (counted when it was claimed) failed: the account locks when that was the last one it had. */
    void failedSignIn(int maxFailures, Instant lockUntil) {
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
        }
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setDefaultPassword(boolean defaultPassword) {
        this.defaultPassword = defaultPassword;
    }

    Set<String> getRoles() {
        return roles;
    }

    void setRoles(Set<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    String getLocale() {
        return locale;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }
}
