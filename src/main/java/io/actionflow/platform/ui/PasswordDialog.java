package io.actionflow.platform.ui;

import com.vaadin.flow.component.textfield.PasswordField;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;
import io.actionflow.platform.ValidationException;

/**
 * Sets a password: an admin resetting someone's ({@link #reset}), or a user changing their own, which asks for the
 * current one first ({@link #changeOwn}). The new password is typed twice.
 */
final class PasswordDialog extends FormDialog {

    private final UserService users;
    private final UserSummary target;
    private final Runnable onSaved;
    private final PasswordField current = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    private PasswordDialog(UserService users, UserSummary target, Runnable onSaved) {
        super(null);
        this.users = users;
        this.target = target;
        this.onSaved = onSaved;
        setHeaderTitle(target == null
                ? getTranslation("profile.changePassword")
                : getTranslation("users.resetPassword.title", target.username()));

        current.setLabel(getTranslation("password.current"));
        current.setVisible(target == null);
        password.setLabel(getTranslation("password.new"));
        password.setHelperText(getTranslation("users.password.help"));
        confirm.setLabel(getTranslation("password.confirm"));
        errors.bind("currentPassword", current).bind(target == null ? "newPassword" : "password", password)
                .bind("confirm", confirm);
        form.add(current, password, confirm);
    }

    static PasswordDialog reset(UserService users, UserSummary target, Runnable onSaved) {
        return new PasswordDialog(users, target, onSaved);
    }

    static PasswordDialog changeOwn(UserService users, Runnable onSaved) {
        return new PasswordDialog(users, null, onSaved);
    }

    @Override
    protected void save() {
        if (!password.getValue().equals(confirm.getValue())) {
            throw new ValidationException(FieldError.of("confirm", "password.mismatch"));
        }
        if (target == null) {
            users.changeOwnPassword(current.getValue(), password.getValue());
            Notices.success(getTranslation("password.changed"));
        } else {
            users.resetPassword(target.id(), password.getValue());
            Notices.success(getTranslation("users.resetPassword.done", target.username()));
        }
        onSaved.run();
    }
}
