package io.actionflow.collections;

import java.math.BigDecimal;
import java.util.List;

/**
 * A field as the rest of the application sees it.
 *
 * @param target    for relations: the collection on the other side
 * @param inverseOf for a one-to-many: the many-to-one field of {@code target} it is the inverse of
 */
public record FieldDefinition(
        Long id,
        String name,
        String title,
        FieldType type,
        int position,
        boolean required,
        boolean unique,
        boolean indexed,
        String defaultValue,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        List<String> options,
        String target,
        String inverseOf) {

    /** The default value as the field stores it (for example a Long for an integer), or null. */
    public Object typedDefault() {
        if (defaultValue == null) {
            return null;
        }
        try {
            return FieldValues.coerce(this, defaultValue);
        } catch (FieldValues.Unreadable e) {
            return null;
        }
    }

    /**
     * Why this value could not be stored in the field (its type, length, range, pattern, options), as errors named
     * after the field; empty when it could. Relations and uniqueness, which need the database, are not checked.
     */
    public List<io.actionflow.platform.FieldError> problems(Object raw) {
        var errors = new java.util.ArrayList<io.actionflow.platform.FieldError>();
        try {
            FieldValues.validate(this, FieldValues.coerce(this, raw), errors);
        } catch (FieldValues.Unreadable e) {
            errors.add(e.error);
        }
        return List.copyOf(errors);
    }

    /**
     * The value as the field stores it (a Long for an integer, a LocalDate for a date); null when there is none or
     * when it cannot be read as the field's type ({@link #problems(Object)} says why).
     */
    public Object typed(Object raw) {
        try {
            return FieldValues.coerce(this, raw);
        } catch (FieldValues.Unreadable e) {
            return null;
        }
    }

    public FieldSettings settings() {
        return new FieldSettings(title, required, unique, indexed, defaultValue, min, max, pattern, options);
    }
}
