package io.actionflow.platform.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.RequiredFieldConfigurator;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import jakarta.validation.constraints.NotBlank;

/**
 * A dialog's fields checked as the admin types, against the Bean Validation constraints of the draft the dialog makes
 * (Vaadin's {@link BeanValidationBinder}, messages from our bundles through {@link ConstraintMessages}): a title over
 * its length is marked at once, before Save asks the service, which checks the same constraints and has the last word.
 *
 * @param <T> the draft's type (a record of the service's)
 */
public final class DraftChecks<T> {

    private final BeanValidationBinder<T> binder;

    public DraftChecks(Class<T> draft) {
        this.binder = new BeanValidationBinder<>(draft);
        // a field that may not be blank is marked required, as one that may not be empty is
        binder.setRequiredConfigurator(RequiredFieldConfigurator.DEFAULT.chain((constraint, binding) -> constraint instanceof NotBlank));
    }

    /** Checks {@code field} as the draft's {@code property}. */
    public DraftChecks<T> field(String property, HasValue<?, ?> field) {
        if (field instanceof HasValueChangeMode typed) {
            // checked as the admin types (a pause in typing), not only when they leave the field
            typed.setValueChangeMode(ValueChangeMode.LAZY);
        }
        binder.forField(field).bind(property);
        return this;
    }

    /** Whether every field passes (each that does not shows why). */
    public boolean valid() {
        return binder.validate().isOk();
    }
}
