package io.actionflow.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.actionflow.platform.ValidationException;

/**
 * A dialog with a one-column form, Cancel and Save. Save is safe against double clicks; when {@link #save()} is
 * refused with a {@link ValidationException} the dialog stays open and shows the reasons next to the fields.
 */
public abstract class FormDialog extends Dialog {

    protected final FormLayout form = new FormLayout();
    protected final FieldErrors errors = new FieldErrors(this);
    private final Button saveButton = new Button();

    protected FormDialog(String title) {
        setHeaderTitle(title);
        addClassName("af-dialog");
        setWidth("min(560px, 95vw)");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        saveButton.setText(getTranslation("common.save"));
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setDisableOnClick(true);
        saveButton.addClickListener(e -> trySave());
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), saveButton);
    }

    /**
     * Checks fields as the admin types, against the Bean Validation constraints of the draft this dialog makes; the
     * service checks the same constraints when Save asks it, and says everything else that is wrong too.
     */
    protected final <T> DraftChecks<T> checks(Class<T> draft) {
        return new DraftChecks<>(draft);
    }

    /** Writes what the form holds; throws {@link ValidationException} to keep the dialog open. */
    protected abstract void save();

    private void trySave() {
        try {
            errors.clear();
            save();
            close();
        } catch (ValidationException refused) {
            errors.show(refused);
        } finally {
            saveButton.setEnabled(true);
        }
    }
}
