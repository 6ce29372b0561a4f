package io.actionflow.collections;

import io.actionflow.platform.FieldError;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for the technical names of collections and fields, which become table and column names: lower-case
 * letters, digits and underscores, starting with a letter, and never an SQL keyword or one of our system columns.
 */
final class Names {

    static final int MAX_COLLECTION_NAME = 48;
    static final int MAX_FIELD_NAME = 63;
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]*");

    /** System columns of every record table. */
    static final Set<String> SYSTEM_COLUMNS = Set.of("id", "created_at", "updated_at", "created_by", "updated_by");

    /** Reserved words of SQL, H2 and PostgreSQL, and names with a meaning of their own in Actionflow. */
    private static final Set<String> RESERVED = Set.of(
            "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "binary", "both", "by", "case", "cast", "check", "collate", "collation", "column",
            "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_path",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "day", "default",
            "deferrable", "delete", "desc", "distinct", "do", "drop", "else", "end", "escape", "except", "exists",
            "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "groups", "having", "hour",
            "if", "ilike", "in", "initially", "inner", "insert", "intersect", "interval", "into", "is", "isnull",
            "join", "key", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus",
            "minute", "month", "natural", "not", "notnull", "null", "of", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "qualify", "references", "regexp", "returning", "revoke",
            "right", "row", "rownum", "rows", "second", "select", "session_user", "set", "similar", "some",
            "symmetric", "system_user", "table", "tablesample", "then", "to", "top", "trailing", "true", "truncate",
            "union", "unique", "unknown", "update", "user", "using", "value", "values", "variadic", "verbose", "when",
            "where", "window", "with", "year", "_rowid_", "oid", "ctid", "xmin", "xmax", "tableoid",
            "users", "collections", "workflows", "api", "auth", "pages", "buttons", "workspace");

    private Names() {
    }

    /** {@code name} when it is not reserved, otherwise a name like it that is not. */
    static String free(String name) {
        return RESERVED.contains(name) || SYSTEM_COLUMNS.contains(name) ? suggestion(name) : name;
    }

    /** A name like {@code name} that is not reserved, for the message that refuses it. */
    static String suggestion(String name) {
        String base = name.length() > MAX_COLLECTION_NAME - 4 ? name.substring(0, MAX_COLLECTION_NAME - 4) : name;
        return RESERVED.contains(base + "_ref") ? base + "_1" : base + "_ref";
    }

    static Optional<FieldError> checkCollectionName(String name) {
        return check("name", name, MAX_COLLECTION_NAME);
    }

    static Optional<FieldError> checkFieldName(String name) {
        Optional<FieldError> shape = check("name", name, MAX_FIELD_NAME);
        if (shape.isEmpty() && SYSTEM_COLUMNS.contains(name)) {
            return Optional.of(FieldError.of("name", "name.system", name));
        }
        return shape;
    }

    private static Optional<FieldError> check(String field, String name, int maxLength) {
        if (name == null || name.isBlank()) {
            return Optional.of(FieldError.of(field, "validation.required"));
        }
        if (name.length() > maxLength || !SHAPE.matcher(name).matches()) {
            return Optional.of(FieldError.of(field, "name.invalid", maxLength));
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            // the reason, and a name that is free: order → order_ref
            return Optional.of(FieldError.of(field, "name.reserved", name, suggestion(name)));
        }
        return Optional.empty();
    }
}
