package io.actionflow.collections;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an admin sets on a field besides its name and type.
 *
 * @param min for numbers the smallest value; for texts the shortest length
 * @param max for numbers the largest value; for texts the longest length
 */
public record FieldSettings(
        String title,
        boolean required,
        boolean unique,
        boolean indexed,
        String defaultValue,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        List<String> options) {

    public static FieldSettings titled(String title) {
        return new FieldSettings(title, false, false, false, null, null, null, null, List.of());
    }

    public FieldSettings withRequired(boolean value) {
        return new FieldSettings(title, value, unique, indexed, defaultValue, min, max, pattern, options);
    }

    public FieldSettings withUnique(boolean value) {
        return new FieldSettings(title, required, value, indexed, defaultValue, min, max, pattern, options);
    }

    public FieldSettings withIndexed(boolean value) {
        return new FieldSettings(title, required, unique, value, defaultValue, min, max, pattern, options);
    }

    public FieldSettings withDefault(String value) {
        return new FieldSettings(title, required, unique, indexed, value, min, max, pattern, options);
    }

    public FieldSettings withRange(BigDecimal newMin, BigDecimal newMax) {
        return new FieldSettings(title, required, unique, indexed, defaultValue, newMin, newMax, pattern, options);
    }

    public FieldSettings withPattern(String value) {
        return new FieldSettings(title, required, unique, indexed, defaultValue, min, max, value, options);
    }

    public FieldSettings withOptions(List<String> value) {
        return new FieldSettings(title, required, unique, indexed, defaultValue, min, max, pattern, value);
    }
}
