package io.actionflow.collections;

import static org.jooq.impl.DSL.noCondition;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Turns a {@link Filter} into a jOOQ condition: fields checked against the collection, values bound, never spliced. */
final class FilterSql {

    private FilterSql() {
    }

    /** How a filter reaches the collections its relations point to. */
    interface Targets {

        CollectionDefinition require(String collection);

        /** What of the target a filter through a relation may see: all of it unless a scope narrows it. */
        default Condition scope(CollectionDefinition target) {
            return noCondition();
        }
    }

    static Condition condition(CollectionDefinition collection, Filter filter, Targets targets) {
        return switch (filter) {
            case Filter.All all -> noCondition();
            case Filter.And and -> DSL.and(and.filters().stream().map(f -> condition(collection, f, targets)).toList());
            case Filter.Or or -> or.filters().isEmpty()
                    ? noCondition()
                    : DSL.or(or.filters().stream().map(f -> condition(collection, f, targets)).toList());
            case Filter.Condition c -> c.field().indexOf('.') > 0 ? through(collection, c, targets) : condition(collection, c);
        };
    }

    /**
     * {@code category.title}: a condition on the record a to-one relation points to, one level deep, as a subquery on
     * the target's table (within what the target's scope lets the reader see).
     */
    private static Condition through(CollectionDefinition collection, Filter.Condition c, Targets targets) {
        String relationName = c.field().substring(0, c.field().indexOf('.'));
        String inner = c.field().substring(relationName.length() + 1);
        FieldDefinition relation = collection.field(relationName).filter(f -> f.type() == FieldType.MANY_TO_ONE)
                .orElseThrow(() -> refused("filter.field", c.field(), collection.name()));
        if (inner.isEmpty() || inner.indexOf('.') >= 0) {
            throw refused("filter.path", c.field());
        }
        CollectionDefinition target = targets.require(relation.target());
        Condition onTarget = condition(target, new Filter.Condition(inner, c.operator(), c.values()));
        return RecordSql.column(relation).cast(org.jooq.impl.SQLDataType.BIGINT).in(
                DSL.select(RecordSql.ID).from(RecordSql.table(target)).where(onTarget).and(targets.scope(target)));
    }

    private static Condition condition(CollectionDefinition collection, Filter.Condition c) {
        FieldDefinition field = filterable(collection, c.field());
        Field<Object> column = field.name().equals("id") ? cast(RecordSql.ID) : RecordSql.column(field);
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

    /** The field a filter names; {@code id} filters by record id. One-to-many fields have no column to filter on. */
    private static FieldDefinition filterable(CollectionDefinition collection, String name) {
        if ("id".equals(name)) {
            return new FieldDefinition(null, "id", "id", FieldType.INTEGER, 0, false, false, true, null, null, null,
                    null, List.of(), null, null);
        }
        FieldDefinition field = collection.field(name).orElseThrow(() -> refused("filter.field", name, collection.name()));
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
