package io.actionflow.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void admin_creates_a_user_who_can_then_sign_in() throws Exception {
        signIn("admin");
        navigate("admin/users");

        _click(_get(Button.class, spec -> spec.withText("New user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "Jane.Doe");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Jane Doe");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("Email")), "jane@example.com");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "correct-horse");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("User jane.doe was created.");
        assertThat(showing("jane.doe")).extracting(UserSummary::displayName).isEqualTo("Jane Doe");

        Authentication signedIn = authentication.getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken("jane.doe", "correct-horse"));
        assertThat(signedIn.getAuthorities()).extracting(a -> a.getAuthority())
                .filteredOn(a -> a.startsWith("ROLE_")).containsExactly("ROLE_member");

        signIn("jane.doe");
        assertThat(_get(H2.class).getText()).isEqualTo("Welcome, Jane Doe");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(SideNavItem.class))
                .extracting(SideNavItem::getLabel).containsExactly("Home", "My to-dos", "My submissions");
    }

    @Test
    void duplicate_username_is_refused_on_the_field_and_nothing_is_saved() {
        signIn("admin");
        navigate("admin/users");
        long before = users.count("");

        _click(_get(Button.class, spec -> spec.withText("New user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "Member");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Another member");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "long-enough");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username member is already taken.");
        assertThat(users.count("")).isEqualTo(before);
    }

    @Test
    void empty_password_and_missing_roles_are_field_errors() {
        signIn("admin");
        navigate("admin/users");
        long before = users.count("");

        _click(_get(Button.class, spec -> spec.withText("New user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "no-password");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "No Password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        _setValue(roles, Set.of());
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("This field is required.");
        assertThat(roles.isInvalid()).isTrue();
        assertThat(roles.getErrorMessage()).isEqualTo("Choose at least one role.");
        assertThat(_get(Button.class, spec -> spec.withText("Save")).isEnabled()).isTrue();
        assertThat(users.count("")).isEqualTo(before);
    }

    @Test
    void admin_disables_a_user_who_then_cannot_sign_in() {
        createMember("to-disable", "to-disable-pw");
        signIn("admin");
        navigate("admin/users");

        showing("to-disable");
        _click(buttonInRow("Disable"));

        NotificationsKt.expectNotifications("to-disable can no longer sign in.");
        assertThat(users.findByUsername("to-disable")).get().extracting(UserSummary::enabled).isEqualTo(false);
        assertThatThrownBy(() -> authentication.getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken("to-disable", "to-disable-pw")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void admin_edits_name_and_roles() {
        createMember("to-edit", "to-edit-pw1");
        signIn("admin");
        navigate("admin/users");

        showing("to-edit");
        _click(buttonInRow("Edit"));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).isReadOnly()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Edited Name");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        _setValue(roles, Set.of(Role.ADMIN_ID, Role.MEMBER_ID));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var edited = users.findByUsername("to-edit").orElseThrow();
        assertThat(edited.displayName()).isEqualTo("Edited Name");
        assertThat(edited.roles()).containsExactlyInAnyOrder(Role.ADMIN_ID, Role.MEMBER_ID);
    }

    @Test
    void admin_resets_a_password_after_typing_it_twice() throws Exception {
        createMember("to-reset", "old-password");
        signIn("admin");
        navigate("admin/users");

        showing("to-reset");
        _click(buttonInRow("Reset password"));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "new-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "typo-password");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")).getErrorMessage())
                .isEqualTo("The two passwords are not the same.");

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "new-password");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("Password of to-reset was reset.");
        authentication.getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken("to-reset", "new-password"));
    }

    private void createMember(String username, String password) {
        signIn("admin");
        if (users.findByUsername(username).isEmpty()) {
            users.create(new io.actionflow.platform.UserDraft(username, username, null, password, Set.of(Role.MEMBER_ID)));
        }
    }

    /** Filters the grid to one account and returns the row shown. */
    private static UserSummary showing(String username) {
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search by username, name or email")), username);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        return GridKt._get(grid, 0);
    }

    private static Button buttonInRow(String text) {
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        Component actions = GridKt._getCellComponent(grid, 0, "actions");
        return _get(actions, Button.class, spec -> spec.withText(text));
    }
}
