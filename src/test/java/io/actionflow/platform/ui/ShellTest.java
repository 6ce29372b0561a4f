package io.actionflow.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import io.actionflow.KaribuTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import io.actionflow.platform.UserService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShellTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void admin_sees_the_shell_with_an_admin_section() {
        signIn("admin");

        _get(MainLayout.class);
        _get(HomeView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Welcome, Administrator");
        assertThat(navLabels()).contains("Home", "Users");
        assertThat(_find(SideNav.class).stream().map(SideNav::getLabel)).contains("Admin");
        assertThat(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")).getItems().getFirst().getElement().getTextRecursively()).contains("Administrator");
    }

    @Test
    void member_does_not_see_the_admin_section() {
        signIn("member");

        _get(MainLayout.class);
        assertThat(navLabels()).containsExactly("Home", "My to-dos", "My submissions");
        assertThat(_find(SideNav.class).stream().map(SideNav::getLabel)).doesNotContain("Admin");
        _assertNone(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("af-banner").withPredicate(d -> d.isVisible()));
    }

    @Test
    void admin_is_warned_while_accounts_keep_their_default_password() {
        signIn("admin");

        var banner = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("af-banner"));
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getTextRecursively()).contains("default password").contains("admin");
    }

    @Test
    void member_opening_an_admin_page_sees_access_denied() {
        signIn("member");
        navigate("admin/users");

        _get(AccessDeniedView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Access denied");
        _assertNone(UsersView.class);
    }

    @Test
    void chosen_language_is_stored_and_used_for_the_next_page() {
        signIn("member");
        try {
            var profile = _get(MenuBar.class, spec -> spec.withClasses("af-user-menu"));
            ContextMenuKt._clickItemWithCaption(profile, "Nederlands");

            assertThat(users.preferredLocale("member")).contains(Locale.of("nl"));
            // the page reloads into a new UI, which takes the stored language
            assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.of("nl"));
            navigate("admin/users");
            assertThat(_get(H2.class).getText()).isEqualTo("Geen toegang");
        } finally {
            signIn("member");
            ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")), "English");
        }
        assertThat(users.preferredLocale("member")).contains(Locale.ENGLISH);
    }

    @Test
    void user_changes_their_own_password_after_proving_the_current_one() throws Exception {
        signIn("admin");
        var name = "self-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        users.create(new io.actionflow.platform.UserDraft(name, "Self Service", null, "first-password",
                java.util.Set.of(io.actionflow.platform.Role.MEMBER_ID)));
        signIn(name);

        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")), "Change password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "not-my-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "second-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "second-password");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Current password")).getErrorMessage())
                .isEqualTo("This is not your current password.");

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "first-password");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("Your password was changed.");
        authentication.getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken(name, "second-password"));
    }

    @Test
    void the_bell_counts_unread_messages_and_reading_them_clears_it(@Autowired io.actionflow.platform.Inbox inbox) {
        assertThat(inbox.send(List.of("member", "nobody-at-all"), "Approval needed", "Purchase request 12 waits for you")).isEqualTo(1);
        signIn("member");

        var bell = _get(InboxBell.class);
        assertThat(_get(bell, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("af-inbox-badge")).getText()).isEqualTo("1");
        var bar = _get(bell, MenuBar.class);
        var root = bar.getItems().getFirst();
        assertThat(root.getElement().getAttribute("aria-label")).isEqualTo("1 unread message");

        ContextMenuKt._click(bar, root);

        assertThat(root.getSubMenu().getItems()).hasSize(2);
        assertThat(root.getSubMenu().getItems().getFirst().getElement().getTextRecursively()).isEqualTo("Mark all as read");
        assertThat(root.getSubMenu().getItems().get(1).getElement().getTextRecursively())
                .contains("Approval needed", "Purchase request 12 waits for you");
        assertThat(inbox.unreadCount()).isZero();

        // a message may lead somewhere; marking all read clears the count
        inbox.send(List.of("member"), "Look", "at this", io.actionflow.platform.Links.todo(42));
        assertThat(inbox.unreadCount()).isEqualTo(1);
        inbox.readAll();
        assertThat(inbox.unreadCount()).isZero();
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
