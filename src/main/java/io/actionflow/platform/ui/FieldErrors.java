package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows a service's refusal next to the fields it concerns, in the user's language. */
public final class FieldErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors(Component owner) {
        this.owner = owner;
    }

    public FieldErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks each refused field; errors that belong to no field on the form are shown as a notice. */
    public void show(ValidationException refusal) {
        clear();
        for (FieldError error : refusal.errors()) {
            // arguments may be texts to translate too (a workflow type, a button kind)
            String text = new io.actionflow.platform.Text(error.messageKey(), error.args()).format(owner::getTranslation);
            HasValidation field = fields.get(error.field());
            if (field == null) {
                Notices.error(text);
            } else {
                // several reasons for one field are all shown
                field.setErrorMessage(field.isInvalid() && field.getErrorMessage() != null ? field.getErrorMessage() + " " + text : text);
                field.setInvalid(true);
            }
        }
    }
}
