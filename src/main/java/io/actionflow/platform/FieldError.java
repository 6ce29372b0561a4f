package io.actionflow.platform;

import java.util.List;

/**
 * Why one input was refused: the field it belongs to, a message key from the language bundles and its arguments.
 * Services speak in keys so that the UI and the API can each say it in the user's language.
 */
public record FieldError(String field, String messageKey, List<Object> args) {

    /** An argument that is not there (a name left empty) is said as nothing, not refused. */
    public FieldError {
        args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    public static FieldError of(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, args == null ? List.of() : java.util.Arrays.asList(args));
    }
}
