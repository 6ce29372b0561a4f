package io.actionflow.platform;

import static io.actionflow.platform.RenderedStatements.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Statements rendered once and run through JDBC bind every value where jOOQ put its placeholder, whatever order it
 * renders them in, read every type a record column has, and fail as jOOQ's statements do (a duplicate key is a
 * {@link DuplicateKeyException}); on H2 and on PostgreSQL.
 */
abstract class RenderedStatementsContract {

    @Autowired
    RenderedStatements statements;

    @Autowired
    DSLContext dsl;

    private final String table = "rs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void createTable() {
        dsl.createTable(name(table))
                .column(name("id"), SQLDataType.BIGINT.identity(true))
                .column(name("code"), SQLDataType.VARCHAR(50))
                .column(name("amount"), SQLDataType.NUMERIC(38, 10))
                .column(name("count"), SQLDataType.BIGINT)
                .column(name("done"), SQLDataType.BOOLEAN)
                .column(name("due"), SQLDataType.LOCALDATE)
                .column(name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6))
                .primaryKey(name("id"))
                .unique(name("code"))
                .execute();
    }

    @AfterEach
    void dropTable() {
        dsl.dropTableIfExists(name(table)).execute();
    }

    @Test
    void values_land_in_their_columns_whatever_order_the_placeholders_are_numbered_in() {
        var at = OffsetDateTime.of(2026, 12, 2, 10, 30, 15, 123_456_000, ZoneOffset.ofHours(2));
        // the values are numbered backwards: each must still reach its own column
        long id = statements.queryOne(table + " insert", d -> d.insertInto(table(name(table)))
                .set(field(name("code"), String.class), parameter(5, SQLDataType.VARCHAR))
                .set(field(name("amount"), BigDecimal.class), parameter(4, SQLDataType.NUMERIC))
                .set(field(name("count"), Long.class), parameter(3, SQLDataType.BIGINT))
                .set(field(name("done"), Boolean.class), parameter(2, SQLDataType.BOOLEAN))
                .set(field(name("due"), LocalDate.class), parameter(1, SQLDataType.LOCALDATE))
                .set(field(name("at"), OffsetDateTime.class), parameter(0, SQLDataType.TIMESTAMPWITHTIMEZONE))
                .returningResult(field(name("id"), Long.class)),
                rs -> rs.getLong(1), at, LocalDate.of(2026, 12, 24), true, 42L, new BigDecimal("12.5"), "A-1");

        var read = read(id);
        assertThat(read).containsExactly("A-1", new BigDecimal("12.5"), 42L, true, LocalDate.of(2026, 12, 24), at.toInstant());
    }

    @Test
    void nulls_are_bound_as_their_columns_type_and_read_back_as_nulls() {
        long id = insert("B-1", null);
        int changed = statements.execute(table + " update", d -> d.update(table(name(table)))
                .set(field(name("count"), Long.class), parameter(0, SQLDataType.BIGINT))
                .set(field(name("at"), OffsetDateTime.class), parameter(1, SQLDataType.TIMESTAMPWITHTIMEZONE))
                .where(field(name("id"), Long.class).eq(parameter(2, SQLDataType.BIGINT))), null, null, id);

        assertThat(changed).isEqualTo(1);
        assertThat(read(id)).containsExactly("B-1", null, null, null, null, null);
    }

    @Test
    void the_same_shape_is_rendered_once_and_runs_with_other_values() {
        insert("C-1", 1L);
        int before = statements.shapes();
        insert("C-2", 2L);
        insert("C-3", 3L);

        assertThat(statements.shapes()).isEqualTo(before);
        assertThat(dsl.fetchCount(table(name(table)))).isEqualTo(3);
    }

    @Test
    void a_duplicate_key_fails_as_it_does_through_jooq() {
        insert("D-1", 1L);

        assertThatThrownBy(() -> insert("D-1", 2L)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void a_value_that_is_not_a_placeholder_is_refused_when_the_shape_is_rendered() {
        assertThatThrownBy(() -> statements.execute(table + " literal", d -> d.update(table(name(table)))
                .set(field(name("count"), Long.class), 7L).where(field(name("id"), Long.class).eq(parameter(0, SQLDataType.BIGINT))), 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_read_that_finds_nothing_answers_null() {
        assertThat(read(-1)).isNull();
    }

    private long insert(String code, Long count) {
        return statements.queryOne(table + " insert code", d -> d.insertInto(table(name(table)))
                .set(field(name("code"), String.class), parameter(0, SQLDataType.VARCHAR))
                .set(field(name("count"), Long.class), parameter(1, SQLDataType.BIGINT))
                .returningResult(field(name("id"), Long.class)), rs -> rs.getLong(1), code, count);
    }

    private java.util.List<Object> read(long id) {
        return statements.queryOne(table + " read", d -> d.select(field(name("code"), SQLDataType.VARCHAR),
                field(name("amount"), SQLDataType.NUMERIC(38, 10)), field(name("count"), SQLDataType.BIGINT),
                field(name("done"), SQLDataType.BOOLEAN), field(name("due"), SQLDataType.LOCALDATE),
                field(name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6)))
                .from(table(name(table))).where(field(name("id"), Long.class).eq(parameter(0, SQLDataType.BIGINT))), rs -> {
                    var amount = (BigDecimal) RenderedStatements.column(rs, 2, SQLDataType.NUMERIC(38, 10));
                    var at = (OffsetDateTime) RenderedStatements.column(rs, 6, SQLDataType.TIMESTAMPWITHTIMEZONE(6));
                    return java.util.Arrays.asList(RenderedStatements.column(rs, 1, SQLDataType.VARCHAR(50)),
                            amount == null ? null : amount.stripTrailingZeros(), RenderedStatements.column(rs, 3, SQLDataType.BIGINT),
                            RenderedStatements.column(rs, 4, SQLDataType.BOOLEAN), RenderedStatements.column(rs, 5, SQLDataType.LOCALDATE),
                            at == null ? null : at.toInstant());
                }, id);
    }
}
