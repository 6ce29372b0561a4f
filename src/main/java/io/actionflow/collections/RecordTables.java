package io.actionflow.collections;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;


import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * The real tables behind collections: created, altered and dropped with jOOQ's DDL, every identifier quoted.
 * Index and constraint names use ids, so renaming a field never renames them.
 */
@Component
class RecordTables {

    private final DSLContext dsl;

    RecordTables(DSLContext dsl) {
        this.dsl = dsl;
    }

    void create(CollectionEntity collection) {
        Table<?> table = table(collection);
        dsl.createTable(table)
                .column(name("id"), SQLDataType.BIGINT.identity(true))
                .column(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).notNull())
                .column(name("updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).notNull())
                .column(name("created_by"), SQLDataType.BIGINT)
                .column(name("updated_by"), SQLDataType.BIGINT)
                .constraints(constraint(name("pk_c" + collection.getId())).primaryKey(name("id")))
                .execute();
        // the "own records" scope of a permission reads by creator
        dsl.createIndex(name("ix_c" + collection.getId() + "_created_by")).on(table, field(name("created_by"))).execute();
    }

    void drop(CollectionEntity collection) {
        dsl.dropTableIfExists(table(collection)).cascade().execute();
    }

    void addColumn(FieldEntity field) {
        if (!field.getType().hasColumn()) {
            return;
        }
        Table<?> table = table(field.getCollection());
        dsl.alterTable(table).add(field(name(field.getName()), columnType(field.getType()))).execute();
        if (field.getType() == FieldType.MANY_TO_ONE) {
            CollectionEntity target = field.getTarget();
            dsl.alterTable(table)
                    .add(constraint(fkName(field)).foreignKey(name(field.getName()))
                            .references(name(target.getTableName()), name("id")).onDeleteSetNull())
                    .execute();
        }
        syncIndexes(field, false, false);
    }

    void dropColumn(FieldEntity field) {
        if (!field.getType().hasColumn()) {
            return;
        }
        // the foreign key first: H2 counts the index as the constraint's own
        if (field.getType() == FieldType.MANY_TO_ONE) {
            dsl.alterTable(table(field.getCollection())).dropConstraint(fkName(field)).execute();
        }
        syncIndexes(field, field.isUnique(), wantsPlainIndex(field), false, false);
        dsl.alterTable(table(field.getCollection())).dropColumn(name(field.getName())).execute();
    }

    void renameColumn(FieldEntity field, String from) {
        if (field.getType().hasColumn()) {
            dsl.alterTable(table(field.getCollection())).renameColumn(name(from)).to(name(field.getName())).execute();
        }
    }

    /** Changes a column's type in place: only for widenings, which keep every value. */
    void widen(FieldEntity field, FieldType to) {
        dsl.alterTable(table(field.getCollection())).alterColumn(name(field.getName())).set(columnType(to)).execute();
    }

    /** Brings the unique and plain indexes of a field in line with its settings, from what it had before. */
    void syncIndexes(FieldEntity field, boolean wasUnique, boolean hadIndex) {
        syncIndexes(field, wasUnique, hadIndex, field.isUnique(), wantsPlainIndex(field));
    }

    private void syncIndexes(FieldEntity field, boolean wasUnique, boolean hadIndex, boolean unique, boolean index) {
        Table<?> table = table(field.getCollection());
        Name column = name(field.getName());
        if (wasUnique && !unique) {
            dsl.dropIndexIfExists(uniqueName(field)).on(table).execute();
        }
        if (hadIndex && !index) {
            dsl.dropIndexIfExists(indexName(field)).on(table).execute();
        }
        if (unique && !wasUnique) {
            dsl.createUniqueIndex(uniqueName(field)).on(table, field(column)).execute();
        }
        if (index && !hadIndex) {
            // (column, id): queries order by the column then by id, and a relation's records by id
            dsl.createIndex(indexName(field)).on(table, field(column), field(name("id"))).execute();
        }
    }

    boolean hasValues(FieldEntity field) {
        Field<Object> column = field(name(field.getName()));
        return dsl.fetchExists(dsl.selectOne().from(table(field.getCollection())).where(column.isNotNull()));
    }

    /** How many records hold each value of a column (nulls left out). */
    java.util.Map<String, Long> valueCounts(FieldEntity field) {
        Field<Object> column = field(name(field.getName()));
        var counts = new java.util.LinkedHashMap<String, Long>();
        dsl.select(column, DSL.count()).from(table(field.getCollection())).where(column.isNotNull()).groupBy(column)
                .fetch().forEach(r -> counts.put(String.valueOf(r.value1()), r.value2().longValue()));
        return counts;
    }

    /** How many records hold each value of a column, the values as stored (nulls left out). */
    java.util.Map<Object, Long> heldValues(FieldEntity field) {
        Field<Object> column = field(name(field.getName()));
        var counts = new java.util.LinkedHashMap<Object, Long>();
        dsl.select(column, DSL.count()).from(table(field.getCollection())).where(column.isNotNull()).groupBy(column)
                .fetch().forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /**
     * Gives a column a type it does not widen to: a new column is filled from {@code converted} (each value held, as
     * stored, to the value it becomes; null empties it), then takes the place of the old one. {@code retyped} brings
     * the field to its new type and settings in between, for the new column's indexes.
     */
    void retype(FieldEntity field, FieldType to, java.util.Map<Object, Object> converted, Runnable retyped) {
        Table<?> table = table(field.getCollection());
        Name old = name(field.getName());
        Name next = name("af_retype_" + field.getId());
        dsl.alterTable(table).add(field(next, columnType(to))).execute();
        converted.forEach((from, value) -> {
            if (value != null) {
                dsl.update(table).set(field(next), value).where(field(old).eq(from)).execute();
            }
        });
        dropColumn(field);
        retyped.run();
        dsl.alterTable(table).renameColumn(next).to(old).execute();
        syncIndexes(field, false, false);
    }

    /** Puts {@code to} wherever the column holds {@code from}; the number of records changed. */
    int replaceValue(FieldEntity field, String from, String to) {
        Field<Object> column = field(name(field.getName()));
        return dsl.update(table(field.getCollection())).set(column, (Object) to).where(column.eq(from)).execute();
    }

    boolean hasDuplicates(FieldEntity field) {
        Field<Object> column = field(name(field.getName()));
        return dsl.fetchExists(dsl.select(column).from(table(field.getCollection()))
                .where(column.isNotNull()).groupBy(column).having(org.jooq.impl.DSL.count().gt(1)));
    }

    /** A many-to-one column is always indexed: filters and joins on relations must not scan. */
    static boolean wantsPlainIndex(FieldEntity field) {
        return !field.isUnique() && (field.isIndexed() || field.getType() == FieldType.MANY_TO_ONE);
    }

    static Table<?> table(CollectionEntity collection) {
        return DSL.table(name(collection.getTableName()));
    }

    static DataType<?> columnType(FieldType type) {
        return switch (type) {
            case TEXT -> SQLDataType.VARCHAR(4000);
            case LONG_TEXT -> SQLDataType.VARCHAR(1_000_000);
            case INTEGER -> SQLDataType.BIGINT;
            case DECIMAL -> SQLDataType.NUMERIC(38, 10);
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case DATE -> SQLDataType.LOCALDATE;
            case DATETIME -> SQLDataType.TIMESTAMPWITHTIMEZONE(6);
            case SINGLE_SELECT -> SQLDataType.VARCHAR(255);
            case EMAIL -> SQLDataType.VARCHAR(254);
            case MANY_TO_ONE -> SQLDataType.BIGINT;
            case ONE_TO_MANY -> throw new IllegalArgumentException("A one-to-many field has no column");
        };
    }

    private static Name fkName(FieldEntity field) {
        return name("fk_c" + field.getCollection().getId() + "_f" + field.getId());
    }

    private static Name uniqueName(FieldEntity field) {
        return name("uq_c" + field.getCollection().getId() + "_f" + field.getId());
    }

    private static Name indexName(FieldEntity field) {
        return name("ix_c" + field.getCollection().getId() + "_f" + field.getId());
    }
}
