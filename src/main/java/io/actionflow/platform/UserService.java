package io.actionflow.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: who may sign in, with which roles, and in which language they read Actionflow. */
@Service
@Transactional
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 64;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserAccountRepository accounts;
    private final Roles roles;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final LoginLockoutProperties lockout;
    private final Clock clock;
    /**
     * Accounts by username as last committed: every API call and every click reads its operator, so they are not read
     * from the database each time. A change here empties it at once; another instance sees a change within the TTL.
     */
    private final CommittedCache<String, Optional<UserSummary>> byName;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Constraints constraints;

    UserService(UserAccountRepository accounts, Roles roles, PasswordEncoder passwordEncoder, CurrentUser currentUser,
            LoginLockoutProperties lockout, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            Constraints constraints,
            @org.springframework.beans.factory.annotation.Value("${actionflow.accounts.cache-ttl:750ms}") java.time.Duration cacheTtl) {
        this.byName = new CommittedCache<>(cacheTtl, clock, 10_000);
        this.events = events;
        this.constraints = constraints;
        this.accounts = accounts;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** One page of the accounts whose username, name or email contains {@code filter}, by username. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('admin')")
    public List<UserSummary> search(String filter, int page, int pageSize) {
        var request = PageRequest.of(page, pageSize, Sort.by("username"));
        return accounts.search(likePattern(filter), request).stream().map(UserAccount::summary).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('admin')")
    public long count(String filter) {
        return accounts.countMatching(likePattern(filter));
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return accounts.findByUsername(normalize(username)).map(UserAccount::summary);
    }

    /**
     * {@link #findByUsername}, as last committed and at most {@code actionflow.accounts.cache-ttl} old: for the paths
     * every call takes (signing a token in, the operator of an action). No transaction is opened when it is cached.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Optional<UserSummary> account(String username) {
        String normalized = normalize(username);
        return byName.get(normalized, () -> accounts.findByUsername(normalized).map(UserAccount::summary));
    }

    /** A role was deleted: the accounts that held it changed. */
    @org.springframework.context.event.EventListener
    void roleDeleted(Roles.RoleDeleted deleted) {
        byName.changing();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findById(long id) {
        return accounts.findById(id).map(UserAccount::summary);
    }

    /** The usernames of the enabled accounts that hold {@code role}, by username (approvers "everyone with a role"). */
    @Transactional(readOnly = true)
    public List<String> usernamesWithRole(String role) {
        return accounts.enabledUsernamesWithRole(role);
    }

    /** Someone to hand work to: an enabled account's username and name, without anything more of it. */
    public record Colleague(String username, String displayName) {
    }

    /** The enabled accounts, by name: whom a signed-in user may delegate a task to. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        return accounts.findEnabled().stream().map(u -> new Colleague(u.summary().username(), u.summary().displayName())).toList();
    }

    /** The signed-in user's account, if someone is signed in and the account still exists. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> current() {
        return currentUser.username().flatMap(this::findByUsername);
    }

    @PreAuthorize("hasRole('admin')")
    public UserSummary create(UserDraft draft) {
        byName.changing();
        String username = normalize(draft.username());
        var errors = new ArrayList<FieldError>();
        if (username.isEmpty()) {
            errors.add(FieldError.of("username", "validation.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "user.username.invalid"));
        } else if (accounts.existsByUsername(username)) {
            errors.add(FieldError.of("username", "user.username.taken", username));
        }
        errors.addAll(constraints.errors(draft));
        validateDetails(draft.email(), draft.roles(), errors);
        validatePassword("password", draft.password(), errors);
        ValidationException.throwIfAny(errors);

        var account = new UserAccount(username, draft.displayName().strip(), passwordEncoder.encode(draft.password()),
                draft.roles(), clock.instant());
        account.setEmail(blankToNull(draft.email()));
        return accounts.save(account).summary();
    }

    @PreAuthorize("hasRole('admin')")
    public UserSummary update(long id, UserChanges changes) {
        byName.changing();
        var account = load(id);
        var errors = new ArrayList<>(constraints.errors(changes));
        validateDetails(changes.email(), changes.roles(), errors);
        if (isSelf(account) && account.getRoles().contains(Role.ADMIN_ID) && changes.roles() != null
                && !changes.roles().contains(Role.ADMIN_ID)) {
            errors.add(FieldError.of("roles", "user.roles.ownAdmin"));
        }
        ValidationException.throwIfAny(errors);
        account.setDisplayName(changes.displayName().strip());
        account.setEmail(blankToNull(changes.email()));
        account.setRoles(changes.roles());
        return account.summary();
    }

    @PreAuthorize("hasRole('admin')")
    public UserSummary setEnabled(long id, boolean enabled) {
        byName.changing();
        var account = load(id);
        if (!enabled && isSelf(account)) {
            throw new ValidationException(FieldError.of("enabled", "user.disable.self"));
        }
        if (!enabled && account.isEnabled() && account.getRoles().contains(Role.ADMIN_ID)
                && accounts.countEnabledAdmins() <= 1) {
            throw new ValidationException(FieldError.of("enabled", "user.disable.lastAdmin"));
        }
        if (!enabled && account.isEnabled()) {
            // its tokens end with it: enabling it again does not bring them back
            events.publishEvent(new AccountDisabled(account.getUsername()));
        }
        account.setEnabled(enabled);
        return account.summary();
    }

    /** An admin sets a new password for someone; this also lifts a lock after failed sign-ins. */
    @PreAuthorize("hasRole('admin')")
    public UserSummary resetPassword(long id, String newPassword) {
        byName.changing();
        var errors = new ArrayList<FieldError>();
        validatePassword("password", newPassword, errors);
        ValidationException.throwIfAny(errors);
        var account = load(id);
        account.changePassword(passwordEncoder.encode(newPassword));
        return account.summary();
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        byName.changing();
        var account = accounts.findByUsername(currentUser.username().orElseThrow()).orElseThrow();
        var errors = new ArrayList<FieldError>();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            errors.add(FieldError.of("currentPassword", "user.password.currentWrong"));
        }
        validatePassword("newPassword", newPassword, errors);
        ValidationException.throwIfAny(errors);
        account.changePassword(passwordEncoder.encode(newPassword));
    }

    @PreAuthorize("isAuthenticated()")
    public void setOwnLanguage(Language language) {
        byName.changing();
        accounts.findByUsername(currentUser.username().orElseThrow())
                .ifPresent(a -> a.setLocale(language.locale().toLanguageTag()));
    }

    @Transactional(readOnly = true)
    public Optional<Locale> preferredLocale(String username) {
        return accounts.findByUsername(normalize(username))
                .map(UserAccount::getLocale)
                .map(Locale::forLanguageTag);
    }

    /** Enabled accounts that still have the password they were created with on first start. */
    @Transactional(readOnly = true)
    public List<String> usernamesWithDefaultPassword() {
        return accounts.usernamesWithDefaultPassword();
    }

    /**
     * Counts a sign-in attempt before its password is checked, the account locked while it is counted: attempts sent
     * at once are counted in turn, so no more than the allowed number reach the password check before the account
     * locks. False when the account is locked; true for an unknown name (its password check fails it).
     */
    boolean claimSignIn(String username) {
        byName.changing();
        Instant now = clock.instant();
        return accounts.lockByUsername(normalize(username))
                .map(a -> a.claimSignIn(lockout.maxFailedLogins(), now, now.plus(lockout.lockout())))
                .orElse(true);
    }

    /** A claimed attempt's password was wrong: the account locks if that was its last attempt. */
    void recordFailedLogin(String username) {
        byName.changing();
        Instant now = clock.instant();
        accounts.lockByUsername(normalize(username))
                .filter(a -> a.getLockedUntil() == null || !a.getLockedUntil().isAfter(now))
                .ifPresent(a -> a.failedSignIn(lockout.maxFailedLogins(), now.plus(lockout.lockout())));
    }

    void recordSuccessfulLogin(String username) {
        byName.changing();
        accounts.lockByUsername(normalize(username))
                .filter(a -> a.getFailedLogins() > 0 || a.getLockedUntil() != null)
                .ifPresent(UserAccount::unlock);
    }

    /** Creates an account without a signed-in admin: for the accounts made on first start. */
    UserSummary createInitial(String username, String displayName, String password, Set<String> roles) {
        var account = new UserAccount(normalize(username), displayName, passwordEncoder.encode(password), roles,
                clock.instant());
        account.setDefaultPassword(true);
        return accounts.save(account).summary();
    }

    boolean hasAnyAccount() {
        return accounts.count() > 0;
    }

    private UserAccount load(long id) {
        return accounts.findById(id).orElseThrow(() -> new ValidationException(FieldError.of("id", "user.notFound")));
    }

    private boolean isSelf(UserAccount account) {
        return currentUser.username().map(account.getUsername()::equals).orElse(false);
    }

    /** What the draft's constraints cannot say: an email's shape, and roles that exist. */
    private void validateDetails(String email, Set<String> roles, List<FieldError> errors) {
        if (email != null && !email.isBlank() && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            errors.add(FieldError.of("email", "validation.email"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(FieldError.of("roles", "user.roles.required"));
        } else {
            roles.stream().filter(r -> !this.roles.exists(r)).findFirst()
                    .ifPresent(r -> errors.add(FieldError.of("roles", "role.unknown", r)));
        }
    }

    private static void validatePassword(String field, String password, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(FieldError.of(field, "validation.required"));
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(FieldError.of(field, "validation.tooShort", MIN_PASSWORD_LENGTH));
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            errors.add(FieldError.of(field, "validation.tooLong", MAX_PASSWORD_LENGTH));
        }
    }


    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String likePattern(String filter) {
        if (filter == null || filter.isBlank()) {
            return "";
        }
        String escaped = filter.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** An account was disabled, in the transaction that disables it. */
    record AccountDisabled(String username) {
    }
}
