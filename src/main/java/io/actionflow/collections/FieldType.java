package io.actionflow.collections;

import java.util.Locale;

/** The kinds of field an admin can add to a collection. Each but {@link #ONE_TO_MANY} is a column of the table. */
public enum FieldType {
    TEXT, LONG_TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, SINGLE_SELECT, EMAIL, MANY_TO_ONE, ONE_TO_MANY;

    /** Whether the field has a column of its own (a one-to-many is the inverse of another collection's column). */
    public boolean hasColumn() {
        return this != ONE_TO_MANY;
    }

    public boolean isNumber() {
        return this == INTEGER || this == DECIMAL;
    }

    /** Text-like: length limits, patterns and "contains" filters apply. */
    public boolean isText() {
        return this == TEXT || this == LONG_TEXT || this == EMAIL || this == SINGLE_SELECT;
    }

    public boolean isRelation() {
        return this == MANY_TO_ONE || this == ONE_TO_MANY;
    }

    /** The message key of the type's name. */
    public String labelKey() {
        return "fieldType." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a column of this type can become {@code target} in place, keeping every value it holds (a widening);
     * other changes are allowed only while the column holds no values.
     */
    public boolean widensTo(FieldType target) {
        return switch (this) {
            case INTEGER -> target == DECIMAL;
            case TEXT -> target == LONG_TEXT;
            case EMAIL, SINGLE_SELECT -> target == TEXT || target == LONG_TEXT;
            default -> false;
        };
    }
}
