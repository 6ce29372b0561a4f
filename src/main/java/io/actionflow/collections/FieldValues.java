package io.actionflow.collections;

import io.actionflow.platform.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what a form or an API call sends into the Java value a field stores, exactly as a read gives it back, and
 * checks it against the field's settings. Values a field holds: String (texts, email, select; stripped but for long
 * text), Long (integer, many-to-one id), BigDecimal (at most {@link #DECIMAL_SCALE} places, without trailing zeros),
 * Boolean, LocalDate, OffsetDateTime (UTC, to the microsecond). A blank value is null. Reading a value it gave
 * gives the same value: what a rule sees is what the write stores (style.md, 15).
 */
final class FieldValues {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The decimal places a decimal column keeps ({@code NUMERIC(38, 10)}); more are rounded half up, as the database would. */
    static final int DECIMAL_SCALE = 10;

    /** A value that could not be read as the field's type. */
    static final class Unreadable extends Exception {
        final FieldError error;

        Unreadable(FieldError error) {
            super(error.messageKey(), null, false, false);
            this.error = error;
        }
    }

    private FieldValues() {
    }

    static Object coerce(FieldDefinition field, Object raw) throws Unreadable {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return switch (field.type()) {
                case TEXT, LONG_TEXT, SINGLE_SELECT, EMAIL -> text(field, raw);
                case INTEGER -> integer(field, raw);
                case DECIMAL -> decimal(field, raw);
                case BOOLEAN -> bool(field, raw);
                case DATE -> raw instanceof LocalDate d ? d : LocalDate.parse(string(field, raw).strip());
                case DATETIME -> dateTime(field, raw).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                case MANY_TO_ONE -> reference(field, raw);
                case ONE_TO_MANY -> throw new Unreadable(FieldError.of(field.name(), "validation.readOnly"));
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new Unreadable(FieldError.of(field.name(), "validation.type." + typeKey(field.type())));
        }
    }

    /** The settings a stored value must meet, except uniqueness and relations, which need the database. */
    static void validate(FieldDefinition field, Object value, List<FieldError> errors) {
        if (value == null) {
            if (field.required()) {
                errors.add(FieldError.of(field.name(), "validation.required"));
            }
            return;
        }
        if (value instanceof String text) {
            validateText(field, text, errors);
        } else if (value instanceof Long || value instanceof BigDecimal) {
            if (field.type().isNumber()) {
                validateNumber(field, new BigDecimal(value.toString()), errors);
            }
        }
    }

    private static void validateText(FieldDefinition field, String text, List<FieldError> errors) {
        int length = text.codePointCount(0, text.length());
        if (field.min() != null && length < field.min().intValue()) {
            errors.add(FieldError.of(field.name(), "validation.tooShort", field.min().intValue()));
        }
        if (field.max() != null && length > field.max().intValue()) {
            errors.add(FieldError.of(field.name(), "validation.tooLong", field.max().intValue()));
        }
        int limit = maxLength(field.type());
        if (length > limit && (field.max() == null || field.max().intValue() > limit)) {
            errors.add(FieldError.of(field.name(), "validation.tooLong", limit));
        }
        if (field.pattern() != null && !field.pattern().isBlank() && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            errors.add(FieldError.of(field.name(), "validation.pattern", field.pattern()));
        }
        if (field.type() == FieldType.EMAIL && !EMAIL.matcher(text).matches()) {
            errors.add(FieldError.of(field.name(), "validation.email"));
        }
        if (field.type() == FieldType.SINGLE_SELECT && !field.options().contains(text)) {
            errors.add(FieldError.of(field.name(), "validation.option", String.join(", ", field.options())));
        }
    }

    private static void validateNumber(FieldDefinition field, BigDecimal number, List<FieldError> errors) {
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(FieldError.of(field.name(), "validation.min", plain(field.min())));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(FieldError.of(field.name(), "validation.max", plain(field.max())));
        }
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** The longest text a column of this type holds. */
    static int maxLength(FieldType type) {
        return switch (type) {
            case TEXT -> 4000;
            case SINGLE_SELECT -> 255;
            case EMAIL -> 254;
            default -> 1_000_000;
        };
    }

    static String typeKey(FieldType type) {
        return switch (type) {
            case INTEGER -> "integer";
            case DECIMAL -> "decimal";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case MANY_TO_ONE -> "reference";
            default -> "text";
        };
    }

    private static String text(FieldDefinition field, Object raw) throws Unreadable {
        String value = string(field, raw);
        if (!storable(value)) {
            throw new Unreadable(FieldError.of(field.name(), "validation.text.characters"));
        }
        return field.type() == FieldType.LONG_TEXT ? value : value.strip();
    }

    /** No NUL character (PostgreSQL refuses it) and no half of a surrogate pair (it would be stored as '?'). */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String string(FieldDefinition field, Object raw) throws Unreadable {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new Unreadable(FieldError.of(field.name(), "validation.type." + typeKey(field.type())));
    }

    private static Long integer(FieldDefinition field, Object raw) throws Unreadable {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString()).longValueExact();
        }
        return new BigDecimal(string(field, raw).strip()).longValueExact();
    }

    private static BigDecimal decimal(FieldDefinition field, Object raw) throws Unreadable {
        BigDecimal value = raw instanceof BigDecimal d ? d : new BigDecimal(
                raw instanceof Number n ? n.toString() : string(field, raw).strip());
        if (value.precision() - value.scale() > 28) {
            throw new NumberFormatException("too large");
        }
        if (value.precision() - value.scale() < -DECIMAL_SCALE) {
            // smaller than half of the last place kept (and cheap to say so: 1e-999999999 is not divided out)
            return BigDecimal.ZERO;
        }
        BigDecimal stored = value.setScale(DECIMAL_SCALE, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return stored.scale() < 0 ? stored.setScale(0) : stored;
    }

    private static Boolean bool(FieldDefinition field, Object raw) throws Unreadable {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = string(field, raw).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new Unreadable(FieldError.of(field.name(), "validation.type.boolean"));
        };
    }

    private static OffsetDateTime dateTime(FieldDefinition field, Object raw) throws Unreadable {
        return switch (raw) {
            case OffsetDateTime odt -> odt;
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case LocalDateTime ldt -> ldt.atOffset(ZoneOffset.UTC);
            default -> {
                String text = string(field, raw).strip();
                try {
                    yield OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    yield LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                }
            }
        };
    }

    private static Long reference(FieldDefinition field, Object raw) throws Unreadable {
        if (raw instanceof Map<?, ?> map) {
            Object id = map.get("id");
            if (id == null) {
                throw new Unreadable(FieldError.of(field.name(), "validation.type.reference"));
            }
            return integer(field, id);
        }
        return integer(field, raw);
    }
}
