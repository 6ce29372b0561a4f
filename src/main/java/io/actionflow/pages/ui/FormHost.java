package io.actionflow.pages.ui;

import io.actionflow.platform.FieldError;
import java.util.List;

/** Where a button's result lands when the button belongs to a form: refusals next to fields, success empties it. */
interface FormHost {

    /** Buttons outside forms: refusals become notices. */
    FormHost NONE = new FormHost() {
    };

    default boolean isForm() {
        return false;
    }

    /** Marks the refused fields; returns the errors that belong to none of them. */
    default List<FieldError> showErrors(List<FieldError> errors) {
        return errors;
    }

    default void succeeded() {
    }
}
