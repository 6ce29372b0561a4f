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

    public FieldSettings settings() {
        return new FieldSettings(title, required, unique, indexed, defaultValue, min, max, pattern, options);
    }
}
