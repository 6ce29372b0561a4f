package io.actionflow.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** How a collection's table and columns look to jOOQ, and how a row becomes a {@link StoredRecord}'s values. */
final class RecordSql {

    static final String ALIAS = "t";
    static final Field<Long> ID = field(name(ALIAS, "id"), SQLDataType.BIGINT);
    static final Field<OffsetDateTime> CREATED_AT = field(name(ALIAS, "created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<OffsetDateTime> UPDATED_AT = field(name(ALIAS, "updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<Long> CREATED_BY = field(name(ALIAS, "created_by"), SQLDataType.BIGINT);

    private RecordSql() {
    }

    static Table<?> table(CollectionDefinition collection) {
        return DSL.table(name(collection.tableName())).as(ALIAS);
    }

    /** The unaliased table, for inserts, updates and deletes. */
    static Table<?> plainTable(CollectionDefinition collection) {
        return DSL.table(name(collection.tableName()));
    }

    @SuppressWarnings("unchecked")
    static Field<Object> column(FieldDefinition field) {
        return (Field<Object>) field(name(ALIAS, field.name()), RecordTables.columnType(field.type()));
    }

    @SuppressWarnings("unchecked")
    static Field<Object> plainColumn(FieldDefinition field) {
        return (Field<Object>) field(name(field.name()), RecordTables.columnType(field.type()));
    }

    /** Reads the field values of a row into field name → value, nulls kept. */
    static Map<String, Object> values(CollectionDefinition collection, Record row) {
        var values = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : collection.columnFields()) {
            values.put(field.name(), normalize(row.get(column(field))));
        }
        return values;
    }

    /** One form per value: decimals without trailing zeros, instants in UTC. */
    static Object normalize(Object value) {
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }
}
