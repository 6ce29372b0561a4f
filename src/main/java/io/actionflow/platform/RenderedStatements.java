package io.actionflow.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Statements whose shape repeats on every click (a record's insert, its read and update by id, an execution's row):
 * their SQL is rendered by jOOQ once per shape and then run through JDBC on the transaction's connection, because
 * rendering and binding are most of what jOOQ costs per statement (jOOQ's manual, "Performance considerations": cache
 * the SQL it generates and prepare your own statements). The SQL is still jOOQ's, for the dialect in use, with every
 * identifier quoted and every value bound; a shape names its table and columns, so a changed collection is a new shape.
 *
 * <p>A shape is written with {@link #parameter} placeholders, which carry the position of the value that fills them,
 * so the values are bound where jOOQ put their placeholders whatever order it renders them in.
 */
@Component
public class RenderedStatements {

    /** Shapes kept before the oldest are let go (collections × statements; far more than a workspace has). */
    private static final int MAX_SHAPES = 5_000;
    private static final String PREFIX = "v";

    private final DSLContext dsl;
    private final JdbcTemplate jdbc;
    private final Map<Object, Rendered> rendered = new ConcurrentHashMap<>();

    RenderedStatements(DSLContext dsl, JdbcTemplate jdbc) {
        this.dsl = dsl;
        this.jdbc = jdbc;
    }

    /** The placeholder of the {@code index}-th value (from 0) given when the statement runs. */
    public static <T> Param<T> parameter(int index, DataType<T> type) {
        return DSL.param(PREFIX + index, type);
    }

    /** How a shape is written with {@link #parameter} placeholders, given the DSL to write it with. */
    public interface Shape {
        Query write(DSLContext dsl);
    }

    /** A statement's SQL and, for each of its placeholders in order, which value fills it and its SQL type. */
    private record Rendered(String sql, int[] values, int[] sqlTypes) {
    }

    /** Runs an insert, update or delete of this shape; returns the rows it changed. */
    public int execute(Object key, Shape shape, Object... values) {
        var statement = render(key, shape, values.length);
        return jdbc.update(statement.sql(), ps -> bind(ps, statement, values));
    }

    /** Runs a statement of this shape that answers one row (an insert returning its id, a read by key), or null. */
    public <T> T queryOne(Object key, Shape shape, Row<T> row, Object... values) {
        var statement = render(key, shape, values.length);
        return jdbc.query(statement.sql(), ps -> bind(ps, statement, values), rs -> rs.next() ? row.read(rs) : null);
    }

    /** Reads a row of an answer. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A column of an answer as the Java type of its jOOQ data type (JDBC 4.2's conversions), null when it is null. */
    public static Object column(ResultSet rs, int column, DataType<?> type) throws SQLException {
        return rs.getObject(column, type.getType());
    }

    private Rendered render(Object key, Shape shape, int values) {
        var statement = rendered.get(key);
        if (statement == null) {
            if (rendered.size() >= MAX_SHAPES) {
                rendered.clear();
            }
            statement = rendered.computeIfAbsent(key, k -> render(shape.write(dsl)));
        }
        if (statement.values().length != 0 && max(statement.values()) >= values) {
            throw new IllegalArgumentException("The shape " + key + " takes more values than the " + values + " given");
        }
        return statement;
    }

    private static Rendered render(Query query) {
        var placeholders = query.getParams().values().stream().filter(p -> !p.isInline()).toList();
        if (placeholders.size() != query.getBindValues().size()) {
            throw new IllegalArgumentException("Each placeholder of a rendered statement is used once: " + query);
        }
        var order = new int[placeholders.size()];
        var types = new int[placeholders.size()];
        for (int i = 0; i < placeholders.size(); i++) {
            var placeholder = placeholders.get(i);
            String name = placeholder.getParamName();
            if (name == null || !name.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Every value of a rendered statement is a placeholder: " + query);
            }
            order[i] = Integer.parseInt(name.substring(PREFIX.length()));
            types[i] = placeholder.getDataType().getSQLType();
        }
        return new Rendered(query.getSQL(ParamType.INDEXED), order, types);
    }

    private static void bind(PreparedStatement ps, Rendered statement, Object[] values) throws SQLException {
        for (int i = 0; i < statement.values().length; i++) {
            Object value = values[statement.values()[i]];
            if (value == null) {
                ps.setNull(i + 1, statement.sqlTypes()[i]);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static int max(int[] values) {
        int max = -1;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** How many shapes are kept. */
    int shapes() {
        return rendered.size();
    }
}
