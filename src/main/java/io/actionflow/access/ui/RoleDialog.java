package io.actionflow.access.ui;

import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.platform.RoleDefinition;
import io.actionflow.platform.Roles;
import io.actionflow.platform.Slugs;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.RoleDraft;

/** A new role (its title, and the id everything refers to it by), or a new title for one. */
final class RoleDialog extends FormDialog {

    private final Roles roles;
    private final RoleDefinition existing;
    private final Runnable onSaved;
    private final TextField title = new TextField();
    private final TextField id = new TextField();
    private boolean idEdited;

    private RoleDialog(Roles roles, RoleDefinition existing, Runnable onSaved) {
        super(null);
        this.roles = roles;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "roles.new" : "roles.rename"));
        title.setLabel(getTranslation("roles.title"));
        title.setRequiredIndicatorVisible(true);
        id.setLabel(getTranslation("roles.id"));
        id.setHelperText(getTranslation("roles.id.help"));
        id.setRequiredIndicatorVisible(true);
        errors.bind("title", title).bind("id", id);
        checks(RoleDraft.class).field("title", title);
        if (existing == null) {
            title.addValueChangeListener(e -> {
                if (!idEdited) {
                    id.setValue(suggestId(e.getValue()));
                }
            });
            id.addValueChangeListener(e -> idEdited |= e.isFromClient());
        } else {
            title.setValue(existing.title());
            id.setValue(existing.id());
            id.setReadOnly(true);
        }
        form.add(title, id);
    }

    static RoleDialog create(Roles roles, Runnable onSaved) {
        return new RoleDialog(roles, null, onSaved);
    }

    static RoleDialog rename(Roles roles, RoleDefinition role, Runnable onSaved) {
        return new RoleDialog(roles, role, onSaved);
    }

    @Override
    protected void save() {
        var saved = existing == null ? roles.create(id.getValue(), title.getValue()) : roles.rename(existing.id(), title.getValue());
        Notices.success(getTranslation("roles.saved", saved.title()));
        onSaved.run();
    }

    /** "Sales team" → "sales_team". */
    static String suggestId(String title) {
        String name = Slugs.from(title, '_');
        if (!name.isEmpty() && !Character.isLetter(name.charAt(0))) {
            name = "r_" + name;
        }
        return name.length() > 32 ? name.substring(0, 32) : name;
    }
}
