package io.actionflow.platform.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserChanges;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;
import java.util.Set;

/** Creates an account ({@code existing == null}) or edits one; the service decides what is valid. */
final class UserDialog extends FormDialog {

    private final UserService users;
    private final UserSummary existing;
    private final Runnable onSaved;

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<String> roles = new CheckboxGroup<>();

    UserDialog(UserService users, io.actionflow.platform.Roles known, UserSummary existing, Runnable onSaved) {
        super(null);
        this.users = users;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("users.new") : getTranslation("users.editTitle", existing.username()));

        username.setLabel(getTranslation("users.username"));
        username.setRequiredIndicatorVisible(true);
        displayName.setLabel(getTranslation("users.displayName"));
        displayName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("users.email"));
        password.setLabel(getTranslation("users.password"));
        password.setRequiredIndicatorVisible(true);
        password.setHelperText(getTranslation("users.password.help"));
        roles.setLabel(getTranslation("users.roles"));
        roles.setItems(known.list().stream().map(io.actionflow.platform.RoleDefinition::id).toList());
        roles.setItemLabelGenerator(r -> known.label(r, this::getTranslation));
        roles.setRequiredIndicatorVisible(true);
        errors.bind("username", username).bind("displayName", displayName).bind("email", email)
                .bind("password", password).bind("roles", roles);
        checks(UserDraft.class).field("displayName", displayName);
        form.add(username, displayName, email, password, roles);
        fill();
    }

    private void fill() {
        if (existing == null) {
            roles.setValue(Set.of(Role.MEMBER_ID));
            return;
        }
        username.setValue(existing.username());
        username.setReadOnly(true);
        displayName.setValue(existing.displayName());
        email.setValue(existing.email() == null ? "" : existing.email());
        password.setVisible(false);
        roles.setValue(existing.roles());
    }

    @Override
    protected void save() {
        Set<String> chosen = Set.copyOf(roles.getValue());
        if (existing == null) {
            var created = users.create(new UserDraft(username.getValue(), displayName.getValue(), email.getValue(),
                    password.getValue(), chosen));
            Notices.success(getTranslation("users.created", created.username()));
        } else {
            users.update(existing.id(), new UserChanges(displayName.getValue(), email.getValue(), chosen));
            Notices.success(getTranslation("users.saved", existing.username()));
        }
        onSaved.run();
    }
}
