package io.actionflow.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path that writes records. Every write is checked against the field settings (refusals name the field and
 * write nothing), runs in a transaction, and publishes a {@link RecordEvent} inside that transaction.
 */
@Service
@Transactional
public class RecordService {

    private static final Set<String> IGNORED_INPUT = Names.SYSTEM_COLUMNS;
    private static final Pattern UNIQUE_INDEX = Pattern.compile("uq_c\\d+_f(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);

    private final DSLContext dsl;
    private final RecordStatements statements;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordService(DSLContext dsl, RecordStatements statements, CollectionService collections, RecordQueries queries,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.dsl = dsl;
        this.statements = statements;
        this.collections = collections;
        this.queries = queries;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    public StoredRecord create(String collection, Map<String, ?> input) {
        return create(collection, input, currentUser.id().orElse(null));
    }

    /** Creates a record on behalf of the account {@code createdBy} (the record's "own" scope is theirs). */
    public StoredRecord create(String collection, Map<String, ?> input, Long createdBy) {
        var definition = writable(collection);
        var children = ChildRows.split(definition, input);
        Map<String, Object> values = checkedForCreate(definition, children.columns(), childProblems(children, null));

        OffsetDateTime now = now();
        long id = uniqueGuarded(definition, () -> statements.insert(definition, values, now, createdBy));

        events.publishEvent(new RecordCreated(definition.name(), id, snapshot(definition, values), operator()));
        writeChildren(id, children, createdBy, false);
        return written(definition, id, values, now, now, createdBy);
    }

    /**
     * The row just written, made from what was written, as a read would give it: read back instead only when the
     * database may have shaped a value (a decimal's scale, a relation's title).
     */
    private StoredRecord written(CollectionDefinition definition, long id, Map<String, Object> values, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, Long createdBy) {
        var shaped = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : definition.columnFields()) {
            Object value = values.get(field.name());
            boolean exact = value == null || switch (field.type()) {
                case TEXT, LONG_TEXT, EMAIL, SINGLE_SELECT, INTEGER, BOOLEAN, DATE -> true;
                case DATETIME -> value instanceof OffsetDateTime time && time.getNano() % 1000 == 0;
                default -> false;
            };
            if (!exact) {
                return queries.get(definition, id).orElseThrow();
            }
            shaped.put(field.name(), RecordSql.normalize(value));
        }
        Object titled = definition.titleField() == null ? null : shaped.get(definition.titleField());
        return new StoredRecord(id, titled == null ? "#" + id : titled.toString(), Collections.unmodifiableMap(shaped), Map.of(),
                (OffsetDateTime) RecordSql.normalize(createdAt), (OffsetDateTime) RecordSql.normalize(updatedAt), createdBy);
    }

    /**
     * Checks values as {@link #create} or, with an {@code id}, as {@link #update} would, without writing anything: a
     * submission held for approval is refused at once rather than when it is approved.
     */
    public void check(String collection, Long id, Map<String, ?> input) {
        var definition = writable(collection);
        var children = ChildRows.split(definition, input);
        if (id == null) {
            checkedForCreate(definition, children.columns(), childProblems(children, null));
        } else {
            checkedChanges(definition, id, load(definition, id), children.columns(), childProblems(children, id));
        }
    }

    private Map<String, Object> checkedForCreate(CollectionDefinition definition, Map<String, ?> input, List<FieldError> before) {
        var errors = new ArrayList<FieldError>(before);
        Map<String, Object> values = read(definition, input, errors);
        for (FieldDefinition field : definition.columnFields()) {
            // a field left empty on creation takes its default
            if (values.get(field.name()) == null && field.defaultValue() != null) {
                values.put(field.name(), coerceDefault(field));
            }
        }
        var unreadable = named(errors);
        for (FieldDefinition field : definition.columnFields()) {
            if (!unreadable.contains(field.name())) {
                FieldValues.validate(field, values.get(field.name()), errors);
            }
        }
        checkReferencesAndUniqueness(definition, values, values.keySet(), null, errors);
        ValidationException.throwIfAny(errors);
        return values;
    }

    /** The values after an update (all of them), and the names of those it changes; refused as a whole when invalid. */
    private record Checked(Map<String, Object> merged, Set<String> changed) {
    }

    private Checked checkedChanges(CollectionDefinition definition, long id, Map<String, Object> previous, Map<String, ?> input,
            List<FieldError> before) {
        var errors = new ArrayList<FieldError>(before);
        Map<String, Object> changes = read(definition, input, errors);
        var merged = new LinkedHashMap<>(previous);
        merged.putAll(changes);
        var unreadable = named(errors);
        for (FieldDefinition field : definition.columnFields()) {
            if (!unreadable.contains(field.name()) && (changes.containsKey(field.name()) || field.required())) {
                FieldValues.validate(field, merged.get(field.name()), errors);
            }
        }
        Set<String> changed = new LinkedHashSet<>();
        changes.forEach((fieldName, value) -> {
            if (!same(previous.get(fieldName), value)) {
                changed.add(fieldName);
            }
        });
        checkReferencesAndUniqueness(definition, merged, changed, id, errors);
        ValidationException.throwIfAny(errors);
        return new Checked(merged, changed);
    }

    /** Changes the given fields of a record; fields not named keep their values. */
    public StoredRecord update(String collection, long id, Map<String, ?> input) {
        var definition = writable(collection);
        var stored = loadRow(definition, id);
        Map<String, Object> previous = stored.values();
        var children = ChildRows.split(definition, input);
        var checked = checkedChanges(definition, id, previous, children.columns(), childProblems(children, id));
        var merged = checked.merged();
        var changed = checked.changed();
        writeChildren(id, children, currentUser.id().orElse(null), true);
        if (changed.isEmpty()) {
            return queries.get(definition, id).orElseThrow();
        }

        OffsetDateTime now = now();
        var written = new LinkedHashMap<String, Object>();
        changed.forEach(fieldName -> written.put(fieldName, merged.get(fieldName)));
        uniqueGuarded(definition, () -> statements.update(definition, id, written, now, currentUser.id().orElse(null)));

        events.publishEvent(new RecordUpdated(definition.name(), id, Collections.unmodifiableSet(changed),
                snapshot(definition, previous), snapshot(definition, merged), operator()));
        return written(definition, id, merged, stored.createdAt(), now, stored.createdBy());
    }

    public void delete(String collection, long id) {
        var definition = writable(collection);
        deleteOne(definition, id);
    }

    /** Deletes every named record, or none: one missing id refuses the whole request. */
    public int deleteAll(String collection, Collection<Long> ids) {
        var definition = writable(collection);
        var ordered = new TreeSet<>(ids);
        for (long id : ordered) {
            deleteOne(definition, id);
        }
        return ordered.size();
    }

    private void deleteOne(CollectionDefinition definition, long id) {
        Map<String, Object> previous = load(definition, id);
        dsl.deleteFrom(RecordSql.plainTable(definition)).where(ID.eq(id)).execute();
        events.publishEvent(new RecordDeleted(definition.name(), id, snapshot(definition, previous), operator()));
    }

    /**
     * What is wrong with the rows given for one-to-many fields, each named as {@code items[0].qty}: checked before
     * anything is written, as creates (rows without an id) or as changes of rows that belong to {@code parent}.
     */
    private List<FieldError> childProblems(ChildRows children, Long parent) {
        var errors = new ArrayList<>(children.errors());
        children.rows().forEach((field, rows) -> {
            var child = writable(field.target());
            var existing = parent == null ? Set.<Long>of() : childIds(child, field, parent);
            for (int i = 0; i < rows.size(); i++) {
                var row = rows.get(i);
                Long id = ChildRows.id(row);
                var rowErrors = new ArrayList<FieldError>();
                if (id != null && !existing.contains(id)) {
                    rowErrors.add(FieldError.of("id", "validation.child.unknown", id));
                } else {
                    Map<String, Object> values = read(child, ChildRows.values(field, row), rowErrors);
                    var unreadable = named(rowErrors);
                    Map<String, Object> whole = id == null ? withDefaults(child, values) : merged(load(child, id), values);
                    for (FieldDefinition f : child.columnFields()) {
                        if (!f.name().equals(field.inverseOf()) && !unreadable.contains(f.name())
                                && (id == null || values.containsKey(f.name()) || f.required())) {
                            FieldValues.validate(f, whole.get(f.name()), rowErrors);
                        }
                    }
                    checkReferencesAndUniqueness(child, whole, values.keySet(), id, rowErrors);
                }
                int index = i;
                rowErrors.forEach(e -> errors.add(ChildRows.prefixed(field, index, e)));
            }
        });
        return errors;
    }

    /** Writes the rows given for one-to-many fields; with {@code replace}, the rows not given any more are deleted. */
    private void writeChildren(long parent, ChildRows children, Long createdBy, boolean replace) {
        children.rows().forEach((field, rows) -> {
            var child = writable(field.target());
            var kept = new LinkedHashSet<Long>();
            for (var row : rows) {
                Long id = ChildRows.id(row);
                var values = ChildRows.values(field, row);
                if (id == null) {
                    values.put(field.inverseOf(), parent);
                    kept.add(create(child.name(), values, createdBy).id());
                } else {
                    kept.add(id);
                    update(child.name(), id, values);
                }
            }
            if (replace) {
                for (long gone : childIds(child, field, parent)) {
                    if (!kept.contains(gone)) {
                        deleteOne(child, gone);
                    }
                }
            }
        });
    }

    private Set<Long> childIds(CollectionDefinition child, FieldDefinition field, long parent) {
        return new LinkedHashSet<>(dsl.select(RecordSql.ID).from(RecordSql.table(child))
                .where(RecordSql.column(child.requireField(field.inverseOf())).cast(SQLDataType.BIGINT).eq(parent))
                .orderBy(RecordSql.ID).fetch(RecordSql.ID));
    }

    private static Map<String, Object> withDefaults(CollectionDefinition definition, Map<String, Object> values) {
        var whole = new LinkedHashMap<>(values);
        for (FieldDefinition field : definition.columnFields()) {
            if (whole.get(field.name()) == null && field.defaultValue() != null) {
                whole.put(field.name(), coerceDefault(field));
            }
        }
        return whole;
    }

    private static Map<String, Object> merged(Map<String, Object> previous, Map<String, Object> changes) {
        var whole = new LinkedHashMap<>(previous);
        whole.putAll(changes);
        return whole;
    }

    private CollectionDefinition writable(String collection) {
        var definition = collections.require(collection);
        if (definition.builtIn()) {
            throw new ValidationException(FieldError.of("collection", "collection.builtIn.records", definition.title()));
        }
        return definition;
    }

    private Map<String, Object> load(CollectionDefinition definition, long id) {
        return loadRow(definition, id).values();
    }

    /** A record's values, and when and by whom it was created, locked for the rest of the transaction. */
    private RecordStatements.Locked loadRow(CollectionDefinition definition, long id) {
        var row = statements.lock(definition, id);
        if (row == null) {
            throw new NotFoundException("record.notFound", definition.title(), id);
        }
        return row;
    }

    /**
     * The fields already refused (a value that could not be read): checked no further, so that a required field given
     * such a value is not also reported as missing.
     */
    private static Set<String> named(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    /** Reads the input into typed values; unknown fields and unreadable values are errors, system columns ignored. */
    private static Map<String, Object> read(CollectionDefinition definition, Map<String, ?> input, List<FieldError> errors) {
        var values = new LinkedHashMap<String, Object>();
        if (input == null) {
            return values;
        }
        input.forEach((fieldName, raw) -> {
            if (IGNORED_INPUT.contains(fieldName)) {
                return;
            }
            var field = definition.field(fieldName).orElse(null);
            if (field == null) {
                errors.add(FieldError.of(fieldName, "validation.unknownField", fieldName));
            } else if (!field.type().hasColumn()) {
                errors.add(FieldError.of(fieldName, "validation.readOnly"));
            } else {
                try {
                    values.put(fieldName, FieldValues.coerce(field, raw));
                } catch (FieldValues.Unreadable e) {
                    errors.add(e.error);
                }
            }
        });
        return values;
    }

    private void checkReferencesAndUniqueness(CollectionDefinition definition, Map<String, Object> values,
            Collection<String> checked, Long self, List<FieldError> errors) {
        for (String fieldName : checked) {
            var field = definition.requireField(fieldName);
            Object value = values.get(fieldName);
            if (value == null || errors.stream().anyMatch(e -> e.field().equals(fieldName))) {
                continue;
            }
            if (field.type() == FieldType.MANY_TO_ONE) {
                var target = collections.require(field.target());
                if (!dsl.fetchExists(dsl.selectOne().from(RecordSql.plainTable(target)).where(ID.eq((Long) value)))) {
                    errors.add(FieldError.of(fieldName, "validation.reference.missing", target.title(), value));
                }
            }
            if (field.unique()) {
                var sameValue = RecordSql.plainColumn(field).eq(value);
                var condition = self == null ? sameValue : sameValue.and(ID.ne(self));
                if (dsl.fetchExists(dsl.selectOne().from(RecordSql.plainTable(definition)).where(condition))) {
                    errors.add(FieldError.of(fieldName, "validation.unique", display(value)));
                }
            }
        }
    }

    /** A write that lost a race on a unique value: answered like the check before it, naming the field. */
    private <T> T uniqueGuarded(CollectionDefinition definition, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            Matcher m = UNIQUE_INDEX.matcher(String.valueOf(e.getMessage()));
            String fieldName = "record";
            if (m.find()) {
                long fieldId = Long.parseLong(m.group(1));
                fieldName = definition.fields().stream().filter(f -> Objects.equals(f.id(), fieldId))
                        .map(FieldDefinition::name).findFirst().orElse(fieldName);
            }
            throw new ValidationException(FieldError.of(fieldName, "validation.unique.race"));
        }
    }

    private static Object coerceDefault(FieldDefinition field) {
        try {
            return FieldValues.coerce(field, field.defaultValue());
        } catch (FieldValues.Unreadable e) {
            throw new ValidationException(e.error);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Object> snapshot(CollectionDefinition definition, Map<String, Object> values) {
        var copy = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : definition.columnFields()) {
            copy.put(field.name(), RecordSql.normalize(values.get(field.name())));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String display(Object value) {
        return value instanceof BigDecimal number ? FieldValues.plain(number) : String.valueOf(value);
    }

    private String operator() {
        return currentUser.username().orElse(null);
    }

    /** Now, to the microsecond the record tables keep: a row written is then exactly as a read gives it. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
