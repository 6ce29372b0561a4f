package io.actionflow.collections;

import static org.jooq.impl.DSL.noCondition;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Turns a {@link Filter} into a jOOQ condition: fields checked against the collection and against what the reader may
 * see, values bound, never spliced.
 */
final class FilterSql {

    /** The system columns a filter may name besides the fields: the id, and who created a record. */
    private static final List<String> SYSTEM = List.of("id", "created_by");

    private FilterSql() {
    }

    /** How a filter reaches the collections its relations point to, and what of them the reader may see. */
    record Reach(java.util.function.Function<String, CollectionDefinition> collections, Visibility visibility) {

        CollectionDefinition require(String collection) {
            return collections.apply(collection);
        }
    }

    static Condition condition(CollectionDefinition collection, Filter filter, Reach reach) {
        return switch (filter) {
            case Filter.All all -> noCondition();
            case Filter.None none -> DSL.falseCondition();
            case Filter.And and -> DSL.and(and.filters().stream().map(f -> condition(collection, f, reach)).toList());
            case Filter.Or or -> or.filters().isEmpty()
                    ? noCondition()
                    : DSL.or(or.filters().stream().map(f -> condition(collection, f, reach)).toList());
            case Filter.Condition c -> c.field().indexOf('.') > 0 ? through(collection, c, reach) : condition(collection, c, reach.visibility());
        };
    }

    /** The records of {@code collection} the reader may see, as a condition on its table (aliased {@code t}). */
    static Condition visible(CollectionDefinition collection, Reach reach) {
        Filter scope = reach.visibility().records(collection.name());
        return scope instanceof Filter.All ? noCondition() : condition(collection, scope, new Reach(reach.collections(), Visibility.ALL));
    }

    /**
     * {@code category.title}: a condition on the record a to-one relation points to, one level deep, as a subquery on
     * the target's table, within what the reader may see of the target.
     */
    private static Condition through(CollectionDefinition collection, Filter.Condition c, Reach reach) {
        String relationName = c.field().substring(0, c.field().indexOf('.'));
        String inner = c.field().substring(relationName.length() + 1);
        FieldDefinition relation = collection.field(relationName).filter(f -> f.type() == FieldType.MANY_TO_ONE)
                .filter(f -> reach.visibility().field(collection.name(), f.name()))
                .orElseThrow(() -> refused("filter.field", c.field(), collection.name()));
        if (inner.isEmpty() || inner.indexOf('.') >= 0) {
            throw refused("filter.path", c.field());
        }
        CollectionDefinition target = reach.require(relation.target());
        Condition onTarget = condition(target, new Filter.Condition(inner, c.operator(), c.values()), reach.visibility());
        return RecordSql.column(relation).cast(SQLDataType.BIGINT).in(
                DSL.select(RecordSql.ID).from(RecordSql.table(target)).where(onTarget).and(visible(target, reach)));
    }

    private static Condition condition(CollectionDefinition collection, Filter.Condition c, Visibility visibility) {
        FieldDefinition field = filterable(collection, c.field(), visibility);
        Field<Object> column = SYSTEM.contains(field.name()) ? cast(DSL.field(DSL.name(RecordSql.ALIAS, field.name()), SQLDataType.BIGINT))
                : RecordSql.column(field);
        List<Object> values = coerce(field, c);
        return switch (c.operator()) {
            case EQ -> column.eq(one(c, values));
            case NE -> column.ne(one(c, values)).or(column.isNull());
            case GT -> column.gt(one(c, values));
            case GE -> column.ge(one(c, values));
            case LT -> column.lt(one(c, values));
            case LE -> column.le(one(c, values));
            case BETWEEN -> column.between(value(c, values, 0), value(c, values, 1));
            case IN -> values.isEmpty() ? DSL.falseCondition() : column.in(values);
            case EMPTY -> field.type().isText() ? column.isNull().or(column.eq("")) : column.isNull();
            case NOT_EMPTY -> field.type().isText() ? column.isNotNull().and(column.ne("")) : column.isNotNull();
            case CONTAINS -> {
                if (!field.type().isText()) {
                    throw refused("filter.operator", c.operator().name(), field.name());
                }
                yield column.containsIgnoreCase(one(c, values));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> cast(Field<?> field) {
        return (Field<Object>) field;
    }

    /**
     * The field a filter names, when the reader may see it; {@code id} filters by record id and {@code created_by} by
     * who created the record (the id of their account). One-to-many fields have no column to filter on.
     */
    private static FieldDefinition filterable(CollectionDefinition collection, String name, Visibility visibility) {
        if (SYSTEM.contains(name) && (name.equals("id") || !collection.builtIn())) {
            return new FieldDefinition(null, name, name, FieldType.INTEGER, 0, false, false, true, null, null, null,
                    null, List.of(), null, null);
        }
        FieldDefinition field = collection.field(name)
                .filter(f -> visibility.field(collection.name(), f.name()))
                .orElseThrow(() -> refused("filter.field", name, collection.name()));
        if (!field.type().hasColumn()) {
            throw refused("filter.field", name, collection.name());
        }
        return field;
    }

    private static List<Object> coerce(FieldDefinition field, Filter.Condition c) {
        var result = new ArrayList<>();
        for (Object raw : c.values()) {
            try {
                result.add(FieldValues.coerce(field, raw));
            } catch (FieldValues.Unreadable e) {
                throw new ValidationException(FieldError.of("filter", e.error.messageKey(), e.error.args().toArray()));
            }
        }
        return result;
    }

    private static Object one(Filter.Condition c, List<Object> values) {
        return value(c, values, 0);
    }

    private static Object value(Filter.Condition c, List<Object> values, int index) {
        if (values.size() <= index || values.get(index) == null) {
            throw refused("filter.value", c.operator().name(), c.field());
        }
        return values.get(index);
    }

    private static ValidationException refused(String key, Object... args) {
        return new ValidationException(FieldError.of("filter", key, args));
    }
}
