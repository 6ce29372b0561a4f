package io.actionflow.collections;

import static io.actionflow.platform.RenderedStatements.parameter;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.actionflow.platform.RenderedStatements;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * The statements every click sends to a collection's table, rendered once per shape ({@link RenderedStatements}): a
 * record's insert (returning its id), its read locked for an update, and the update of the fields it changes. A shape
 * is the table and the names and types of its columns, so a collection that changes is a new shape.
 */
@Component
class RecordStatements {

    private static final DataType<OffsetDateTime> TIME = SQLDataType.TIMESTAMPWITHTIMEZONE(6);

    private final RenderedStatements statements;

    RecordStatements(RenderedStatements statements) {
        this.statements = statements;
    }

    /** A record's values, and when and by whom it was created, locked for the rest of the transaction. */
    record Locked(Map<String, Object> values, OffsetDateTime createdAt, Long createdBy) {
    }

    private record Shape(String statement, String table, List<Object> columns) {
    }

    /** Inserts a record with these values (field name → value); returns its id. */
    long insert(CollectionDefinition definition, Map<String, Object> values, OffsetDateTime now, Long createdBy) {
        var fields = new ArrayList<FieldDefinition>(values.size());
        values.keySet().forEach(name -> fields.add(definition.requireField(name)));
        var bound = new ArrayList<Object>(values.values());
        bound.addAll(List.of(now, now));
        bound.add(createdBy);
        bound.add(createdBy);
        return statements.queryOne(new Shape("insert", definition.tableName(), columns(fields)), dsl -> {
            var row = placeholders(fields);
            int index = fields.size();
            row.put(field(name("created_at")), parameter(index++, TIME));
            row.put(field(name("updated_at")), parameter(index++, TIME));
            row.put(field(name("created_by")), parameter(index++, SQLDataType.BIGINT));
            row.put(field(name("updated_by")), parameter(index, SQLDataType.BIGINT));
            return dsl.insertInto(RecordSql.plainTable(definition)).set(row).returningResult(field(name("id"), SQLDataType.BIGINT));
        }, rs -> rs.getLong(1), bound.toArray());
    }

    /** Changes these fields of a record (field name → value) and notes when and by whom; returns the rows changed. */
    int update(CollectionDefinition definition, long id, Map<String, Object> changes, OffsetDateTime now, Long updatedBy) {
        var fields = new ArrayList<FieldDefinition>(changes.size());
        changes.keySet().forEach(name -> fields.add(definition.requireField(name)));
        var bound = new ArrayList<Object>(changes.values());
        bound.add(now);
        bound.add(updatedBy);
        bound.add(id);
        return statements.execute(new Shape("update", definition.tableName(), columns(fields)), dsl -> {
            var row = placeholders(fields);
            int index = fields.size();
            row.put(field(name("updated_at")), parameter(index++, TIME));
            row.put(field(name("updated_by")), parameter(index++, SQLDataType.BIGINT));
            return dsl.update(RecordSql.plainTable(definition)).set(row)
                    .where(field(name("id"), SQLDataType.BIGINT).eq(parameter(index, SQLDataType.BIGINT)));
        }, bound.toArray());
    }

    /** A record read and locked for an update, or null when there is none with that id. */
    Locked lock(CollectionDefinition definition, long id) {
        var fields = definition.columnFields();
        return statements.queryOne(new Shape("lock", definition.tableName(), columns(fields)), dsl -> {
            var columns = new ArrayList<Field<?>>(fields.size() + 2);
            fields.forEach(f -> columns.add(RecordSql.column(f)));
            columns.add(RecordSql.CREATED_AT);
            columns.add(RecordSql.CREATED_BY);
            return dsl.select(columns).from(RecordSql.table(definition))
                    .where(RecordSql.ID.eq(parameter(0, SQLDataType.BIGINT))).forUpdate();
        }, rs -> {
            var values = new LinkedHashMap<String, Object>();
            int column = 1;
            for (FieldDefinition f : fields) {
                values.put(f.name(), RecordSql.normalize(RenderedStatements.column(rs, column++, RecordTables.columnType(f.type()))));
            }
            var createdAt = (OffsetDateTime) RecordSql.normalize(rs.getObject(column++, OffsetDateTime.class));
            var createdBy = rs.getObject(column, Long.class);
            return new Locked(values, createdAt, createdBy);
        }, id);
    }

    /** The fields' columns, each set to the placeholder of the value at its position. */
    private static LinkedHashMap<Field<?>, Object> placeholders(List<FieldDefinition> fields) {
        var row = new LinkedHashMap<Field<?>, Object>();
        for (int index = 0; index < fields.size(); index++) {
            var f = fields.get(index);
            row.put(RecordSql.plainColumn(f), parameter(index, RecordTables.columnType(f.type())));
        }
        return row;
    }

    /** What makes two statements on a table the same shape: their columns' names and types, in order. */
    private static List<Object> columns(List<FieldDefinition> fields) {
        var columns = new ArrayList<Object>(fields.size() * 2);
        for (FieldDefinition f : fields) {
            columns.add(f.name());
            columns.add(f.type());
        }
        return columns;
    }
}
