package io.actionflow.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks an admin definition (a collection, field, page, block, button, workflow, role, account or token as a draft)
 * against the Bean Validation constraints it carries, and says what is wrong as our field errors: the field, a
 * message key from the three bundles ({@code {validation.tooLong}}) and its arguments (the limit). Services call it
 * first, so every path (a dialog, the API, a workspace import) is checked the same way; dialogs check the same
 * constraints as the admin types ({@code DraftChecks}).
 */
@Component
public class Constraints {

    private final Validator validator;

    Constraints(Validator validator) {
        this.validator = validator;
    }

    /** Refuses the draft, naming each field that breaks a constraint; nothing has been written. */
    public void check(Object draft) {
        ValidationException.throwIfAny(errors(draft));
    }

    public List<FieldError> errors(Object draft) {
        var errors = new ArrayList<FieldError>();
        validator.validate(draft).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(violation -> errors.add(error(violation)));
        return errors;
    }

    /** A violation as a field error: the field by its own name (a setting's, not {@code settings.title}). */
    static FieldError error(ConstraintViolation<?> violation) {
        String key = key(violation.getMessageTemplate());
        return FieldError.of(field(violation.getPropertyPath()), key,
                arguments(key, violation.getConstraintDescriptor().getAttributes()).toArray());
    }

    /** {@code {validation.tooLong}} is the key {@code validation.tooLong}. */
    public static String key(String template) {
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
    }

    /** What the bundle's message says of the constraint: the limit it names ({@code {0}}), or nothing. */
    public static List<Object> arguments(String key, Map<String, Object> attributes) {
        if (key.endsWith("tooShort") && attributes.get("min") != null) {
            return List.of(attributes.get("min"));
        }
        if (key.endsWith("tooLong") && attributes.get("max") != null) {
            return List.of(attributes.get("max"));
        }
        if ((key.endsWith(".min") || key.endsWith(".max")) && attributes.get("value") != null) {
            return List.of(attributes.get("value"));
        }
        return List.of();
    }

    private static String field(Path path) {
        String field = "";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }
}
