package io.actionflow.collections;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an admin sets on a field besides its name and type.
 *
 * @param min for numbers the smallest value; for texts the shortest length
 * @param max for numbers the largest value; for texts the longest length
 */
public record FieldSettings(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
        boolean required,
        boolean unique,
        boolean indexed,
        @Size(max = 4000, message = "{validation.tooLong}") String defaultValue,
        BigDecimal min,
        BigDecimal max,
        @Size(max = 500, message = "{validation.tooLong}") String pattern,
        List<@Size(max = 255, message = "{validation.tooLong}") String> options) {

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
