package io.actionflow.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads records: one page at a time, filtered and sorted in SQL (never in memory), with the title of every record
 * a many-to-one field points to joined in the same query. Every read may be narrowed by a {@link Visibility}: the
 * records and fields one reader may see, applied in the same SQL (the methods without one read everything, as
 * workflows do).
 */
@Service
@Transactional(readOnly = true)
public class RecordQueries {

    private final DSLContext dsl;
    private final CollectionService collections;

    RecordQueries(DSLContext dsl, CollectionService collections) {
        this.dsl = dsl;
        this.collections = collections;
    }

    public List<StoredRecord> find(String collection, RecordQuery query) {
        return find(collections.require(collection), query, Visibility.ALL);
    }

    public List<StoredRecord> find(String collection, RecordQuery query, Visibility visibility) {
        return find(collections.require(collection), query, visibility);
    }

    public long count(String collection, Filter filter) {
        return count(collection, filter, Visibility.ALL);
    }

    public long count(String collection, Filter filter, Visibility visibility) {
        var definition = collections.require(collection);
        var reach = new FilterSql.Reach(collections::require, visibility);
        return dsl.fetchCount(dsl.selectOne().from(RecordSql.table(definition))
                .where(FilterSql.condition(definition, filter, reach)).and(FilterSql.visible(definition, reach)));
    }

    public Optional<StoredRecord> get(String collection, long id) {
        return get(collections.require(collection), id);
    }

    public Optional<StoredRecord> get(String collection, long id, Visibility visibility) {
        var query = new RecordQuery(Filter.where("id", Filter.Operator.EQ, id), List.of(), 0, 1);
        return find(collections.require(collection), query, visibility).stream().findFirst();
    }

    Optional<StoredRecord> get(CollectionDefinition definition, long id) {
        var query = new RecordQuery(Filter.where("id", Filter.Operator.EQ, id), List.of(), 0, 1);
        return find(definition, query, Visibility.ALL).stream().findFirst();
    }

    /**
     * The rows a one-to-many field of a record holds (an order's items), as the reader may see them, by id; at most
     * {@link ChildRows#MAX_ROWS}.
     */
    public List<StoredRecord> children(String collection, long id, String field, Visibility visibility) {
        var definition = collections.require(collection);
        var relation = definition.field(field).filter(f -> f.type() == FieldType.ONE_TO_MANY)
                .orElseThrow(() -> new ValidationException(FieldError.of("appends", "api.appends.invalid", field)));
        var query = new RecordQuery(Filter.where(relation.inverseOf(), Filter.Operator.EQ, id), List.of(RecordQuery.Sort.asc("id")),
                0, ChildRows.MAX_ROWS);
        return find(collections.require(relation.target()), query, visibility);
    }

    /** How many of these records the reader may see: all of them, or fewer when some are outside what they see. */
    public long countVisible(String collection, java.util.Collection<Long> ids, Visibility visibility) {
        return ids.isEmpty() ? 0 : count(collection, new Filter.Condition("id", Filter.Operator.IN, List.copyOf(ids)), visibility);
    }

    List<StoredRecord> find(CollectionDefinition definition, RecordQuery query, Visibility visibility) {
        if (query.limit() <= 0 || query.offset() < 0) {
            throw new ValidationException(FieldError.of("page", "query.page.invalid"));
        }
        var reach = new FilterSql.Reach(collections::require, visibility);
        var shape = new Shape(definition, reach);
        Condition where = FilterSql.condition(definition, query.filter(), reach).and(FilterSql.visible(definition, reach));
        var rows = dsl.select(shape.select)
                .from(shape.from)
                .where(where)
                .orderBy(shape.order(query.sorts()))
                .limit(query.limit())
                .offset(query.offset())
                .fetch();
        return rows.stream().map(shape::toRecord).toList();
    }

    /** The columns, joins and ordering of one collection's query. */
    private final class Shape {

        private final CollectionDefinition definition;
        private final FilterSql.Reach reach;
        private final List<SelectFieldOrAsterisk> select = new ArrayList<>();
        private final Map<String, Field<String>> relationTitles = new LinkedHashMap<>();
        /** Per to-one relation into records the reader sees only some of: the related id, null where it is not seen. */
        private final Map<String, Field<Long>> relationSeen = new LinkedHashMap<>();
        /** To-one relations into collections the reader sees nothing of. */
        private final java.util.Set<String> relationsUnseen = new java.util.HashSet<>();
        private final Map<String, Field<String>> relationSortKeys = new HashMap<>();
        private TableLike<?> from;

        Shape(CollectionDefinition definition, FilterSql.Reach reach) {
            this.definition = definition;
            this.reach = reach;
            select.add(RecordSql.ID);
            boolean ownTable = !definition.builtIn();
            if (ownTable) {
                select.add(RecordSql.CREATED_AT);
                select.add(RecordSql.UPDATED_AT);
                select.add(RecordSql.CREATED_BY);
            }
            Table<?> table = RecordSql.table(definition);
            for (FieldDefinition field : definition.columnFields()) {
                select.add(RecordSql.column(field));
                if (field.type() == FieldType.MANY_TO_ONE) {
                    table = joinTitle(table, field);
                }
            }
            from = table;
        }

        /**
         * The title of the related record, when the reader may see that record and its title field; and, where they may
         * see only some of the related collection, whether they see this one.
         */
        private Table<?> joinTitle(Table<?> table, FieldDefinition field) {
            var target = collections.require(field.target());
            if (!reach.visibility().field(definition.name(), field.name())) {
                return table;
            }
            Filter seen = reach.visibility().records(target.name());
            if (seen instanceof Filter.None) {
                relationsUnseen.add(field.name());
                return table;
            }
            boolean titled = target.titleField() != null && reach.visibility().field(target.name(), target.titleField());
            if (!titled && seen instanceof Filter.All) {
                return table;
            }
            String alias = "r_" + field.name();
            Field<Long> targetId = field(name(alias, "id"), SQLDataType.BIGINT);
            if (!(seen instanceof Filter.All)) {
                Field<Long> seenId = targetId.as("seen__" + field.name());
                relationSeen.put(field.name(), seenId);
                select.add(seenId);
            }
            if (!titled) {
                return table.leftJoin(DSL.table(name(target.tableName())).as(alias)).on(targetId.eq(RecordSql.column(field)
                        .cast(SQLDataType.BIGINT)).and(targetId.in(DSL.select(RecordSql.ID).from(RecordSql.table(target))
                        .where(FilterSql.visible(target, reach)))));
            }
            Field<String> title = field(name(alias, target.titleField())).cast(SQLDataType.VARCHAR(4000));
            Field<String> aliased = title.as("title__" + field.name());
            relationTitles.put(field.name(), aliased);
            relationSortKeys.put(field.name(), title);
            select.add(aliased);
            Condition on = targetId.eq(RecordSql.column(field).cast(SQLDataType.BIGINT));
            if (!(reach.visibility().records(target.name()) instanceof Filter.All)) {
                // a related record the reader may not see shows no title
                on = on.and(targetId.in(DSL.select(RecordSql.ID).from(RecordSql.table(target)).where(FilterSql.visible(target, reach))));
            }
            return table.leftJoin(DSL.table(name(target.tableName())).as(alias)).on(on);
        }

        List<SortField<?>> order(List<RecordQuery.Sort> sorts) {
            var order = new ArrayList<SortField<?>>();
            boolean total = false;
            for (RecordQuery.Sort sort : sorts) {
                Field<?> field = sortable(sort.field());
                order.add(sort.ascending() ? field.asc() : field.desc());
                total |= sort.field().equals("id") || definition.field(sort.field()).map(FieldDefinition::unique).orElse(false);
            }
            if (!total) {
                // id breaks ties, so pages never overlap; in the direction of the last sort, so one index serves both
                boolean ascending = sorts.isEmpty() || sorts.getLast().ascending();
                order.add(ascending ? RecordSql.ID.asc() : RecordSql.ID.desc());
            }
            return order;
        }

        private Field<?> sortable(String fieldName) {
            switch (fieldName) {
                case "id":
                    return RecordSql.ID;
                case "created_at":
                    return RecordSql.CREATED_AT;
                case "updated_at":
                    return RecordSql.UPDATED_AT;
                default:
                    FieldDefinition field = definition.field(fieldName)
                            .filter(f -> f.type().hasColumn())
                            .filter(f -> reach.visibility().field(definition.name(), f.name()))
                            .orElseThrow(() -> new ValidationException(
                                    FieldError.of("sort", "query.sort.field", fieldName, definition.name())));
                    Field<String> byTitle = relationSortKeys.get(fieldName);
                    return byTitle != null ? byTitle : RecordSql.column(field);
            }
        }

        StoredRecord toRecord(Record row) {
            long id = row.get(RecordSql.ID);
            Map<String, Object> values = RecordSql.values(definition, row);
            var titles = new HashMap<String, String>();
            relationTitles.forEach((fieldName, title) -> {
                String value = row.get(title);
                if (value != null) {
                    titles.put(fieldName, value);
                }
            });
            // a related record the reader may not see: no title, and nothing that says which it is
            relationSeen.forEach((fieldName, seen) -> {
                if (values.get(fieldName) != null && row.get(seen) == null) {
                    titles.put(fieldName, StoredRecord.HIDDEN);
                }
            });
            relationsUnseen.forEach(fieldName -> {
                if (values.get(fieldName) != null) {
                    titles.put(fieldName, StoredRecord.HIDDEN);
                }
            });
            boolean ownTable = !definition.builtIn();
            return new StoredRecord(id, title(values, id), java.util.Collections.unmodifiableMap(values),
                    Map.copyOf(titles),
                    ownTable ? (java.time.OffsetDateTime) RecordSql.normalize(row.get(RecordSql.CREATED_AT)) : null,
                    ownTable ? (java.time.OffsetDateTime) RecordSql.normalize(row.get(RecordSql.UPDATED_AT)) : null,
                    ownTable ? row.get(RecordSql.CREATED_BY) : null);
        }

        private String title(Map<String, Object> values, long id) {
            boolean shown = definition.titleField() != null && reach.visibility().field(definition.name(), definition.titleField());
            Object value = shown ? values.get(definition.titleField()) : null;
            return value == null ? "#" + id : value.toString();
        }
    }
}
