package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;

/** What accounts must do on every database we run on. Subclasses choose the database. */
@WithMockUser(username = "admin", roles = "admin")
abstract class UserAccountsContract {

    @Autowired
    UserService users;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void first_start_created_an_admin_and_a_member_with_default_passwords() {
        var admin = users.findByUsername("admin").orElseThrow();
        var member = users.findByUsername("member").orElseThrow();

        assertThat(admin.roles()).contains(Role.ADMIN_ID);
        assertThat(member.roles()).containsExactly(Role.MEMBER_ID);
        assertThat(users.usernamesWithDefaultPassword()).contains("member");
    }

    @Test
    void passwords_are_stored_hashed() {
        var created = users.create(draft(unique("hash"), "secret-password"));

        String hash = accounts.findById(created.id()).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("secret-password");
    }

    @Test
    void username_is_stored_in_lower_case_and_is_unique_regardless_of_case() {
        String name = unique("Case");
        users.create(draft(name, "password-1"));
        long before = accounts.count();

        assertThatThrownBy(() -> users.create(draft(name.toUpperCase(Locale.ROOT), "password-2")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(FieldError.of("username", "user.username.taken", name.toLowerCase(Locale.ROOT))));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void every_invalid_input_is_refused_per_field_and_nothing_is_written() {
        long before = accounts.count();

        assertThatThrownBy(() -> users.create(new UserDraft("bad name!", " ", "not-an-email", "short", Set.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        FieldError.of("username", "user.username.invalid"),
                        FieldError.of("displayName", "validation.required"),
                        FieldError.of("email", "validation.email"),
                        FieldError.of("password", "validation.tooShort", UserService.MIN_PASSWORD_LENGTH),
                        FieldError.of("roles", "user.roles.required")));
        assertThatThrownBy(() -> users.create(new UserDraft("", "Name", null, "", Set.of(Role.MEMBER_ID))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        FieldError.of("username", "validation.required"),
                        FieldError.of("password", "validation.required")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void ten_failed_sign_ins_in_a_row_lock_the_account_until_a_reset() {
        var user = users.create(draft(unique("lock"), "password-1"));
        for (int i = 0; i < 9; i++) {
            assertThat(users.claimSignIn(user.username())).isTrue();
            users.recordFailedLogin(user.username());
        }
        assertThat(userDetails.loadUserByUsername(user.username()).isAccountNonLocked()).isTrue();

        assertThat(users.claimSignIn(user.username())).isTrue();
        users.recordFailedLogin(user.username());
        assertThat(users.claimSignIn(user.username())).as("the eleventh attempt").isFalse();

        assertThat(userDetails.loadUserByUsername(user.username()).isAccountNonLocked()).isFalse();
        assertThat(users.findByUsername(user.username()).orElseThrow().lockedUntil()).isNotNull();

        users.resetPassword(user.id(), "password-2");
        assertThat(userDetails.loadUserByUsername(user.username()).isAccountNonLocked()).isTrue();
    }

    @Test
    void a_successful_sign_in_starts_the_count_again() {
        var user = users.create(draft(unique("count"), "password-1"));
        for (int i = 0; i < 9; i++) {
            users.claimSignIn(user.username());
            users.recordFailedLogin(user.username());
        }
        users.claimSignIn(user.username());
        users.recordSuccessfulLogin(user.username());
        users.claimSignIn(user.username());
        users.recordFailedLogin(user.username());

        assertThat(userDetails.loadUserByUsername(user.username()).isAccountNonLocked()).isTrue();
        assertThat(accounts.findByUsername(user.username()).orElseThrow().getFailedLogins()).isEqualTo(1);
    }

    @Test
    void an_admin_cannot_take_away_their_own_admin_role_or_disable_themselves() {
        var admin = users.findByUsername("admin").orElseThrow();

        assertThatThrownBy(() -> users.update(admin.id(), new UserChanges("Admin", null, Set.of(Role.MEMBER_ID))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(FieldError.of("roles", "user.roles.ownAdmin")));
        assertThatThrownBy(() -> users.setEnabled(admin.id(), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(FieldError.of("enabled", "user.disable.self")));
        assertThat(users.findByUsername("admin").orElseThrow().roles()).contains(Role.ADMIN_ID);
    }

    @Test
    void changing_a_password_clears_the_default_password_flag() {
        var user = users.createInitial(unique("default"), "Default", "password-1", java.util.Set.of(Role.MEMBER_ID));
        assertThat(users.usernamesWithDefaultPassword()).contains(user.username());

        users.resetPassword(user.id(), "password-2");

        assertThat(users.usernamesWithDefaultPassword()).doesNotContain(user.username());
    }

    @Test
    void chosen_language_is_remembered() {
        users.setOwnLanguage(Language.FRENCH);
        assertThat(users.preferredLocale("admin")).contains(Locale.FRENCH);
        users.setOwnLanguage(Language.ENGLISH);
        assertThat(users.preferredLocale("admin")).contains(Locale.ENGLISH);
    }

    @Test
    void search_pages_through_matching_accounts_and_treats_wildcards_literally() {
        String prefix = unique("find");
        for (int i = 0; i < 3; i++) {
            users.create(draft(prefix + "-" + i, "password-1"));
        }

        assertThat(users.count(prefix)).isEqualTo(3);
        assertThat(users.search(prefix, 0, 2)).extracting(UserSummary::username).containsExactly(prefix + "-0", prefix + "-1");
        assertThat(users.search(prefix, 1, 2)).extracting(UserSummary::username).containsExactly(prefix + "-2");
        assertThat(users.count("%")).isZero();
    }

    private static UserDraft draft(String username, String password) {
        return new UserDraft(username, "Test " + username, username + "@example.com", password, Set.of(Role.MEMBER_ID));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void attempts_sent_at_once_are_counted_before_their_passwords_so_no_more_than_ten_are_tried() throws Exception {
        var user = users.create(draft(unique("burst"), "password-1"));
        var reached = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var attempts = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 60; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    if (users.claimSignIn(user.username())) {
                        reached.incrementAndGet();
                        users.recordFailedLogin(user.username());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var attempt : attempts) {
                attempt.get();
            }
        }
        assertThat(reached.get()).as("attempts that reached the password check").isEqualTo(10);
        assertThat(users.findByUsername(user.username()).orElseThrow().lockedUntil()).isNotNull();
    }
}
