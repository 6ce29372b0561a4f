package io.actionflow.platform;

import java.util.List;

/** Input was refused and nothing was written; {@link #errors()} says what, per field. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    /** Refuses when there is anything to refuse: the one way services end their checks. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
