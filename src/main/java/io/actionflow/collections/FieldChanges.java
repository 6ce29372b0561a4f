package io.actionflow.collections;

import io.actionflow.platform.Constraints;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds, changes and removes fields. Every check runs before the first statement of DDL (H2 commits DDL at once), and
 * a change that would lose data is refused: type changes only widen a column or apply to an empty one, and
 * uniqueness is only switched on when the values already are unique.
 */
@Component
class FieldChanges {

    private final CollectionRepository collections;
    private final FieldRepository fields;
    private final RecordTables tables;
    private final DSLContext dsl;

    private final Constraints constraints;
    private final ObjectProvider<CollectionUses> uses;

    FieldChanges(CollectionRepository collections, FieldRepository fields, RecordTables tables, DSLContext dsl,
            Constraints constraints, ObjectProvider<CollectionUses> uses) {
        this.constraints = constraints;
        this.uses = uses;
        this.collections = collections;
        this.fields = fields;
        this.tables = tables;
        this.dsl = dsl;
    }

    void add(CollectionEntity collection, FieldDraft draft) {
        var errors = new ArrayList<>(constraints.errors(draft));
        if (errors.stream().noneMatch(e -> e.field().equals("name"))) {
            checkName(collection, draft.name(), null, errors);
        }
        CollectionEntity target = null;
        if (draft.type() == FieldType.ONE_TO_MANY) {
            errors.add(FieldError.of("type", "field.oneToMany.direct"));
        } else if (draft.type() == FieldType.MANY_TO_ONE) {
            target = checkTarget(draft, errors);
        }
        checkSettings(draft.type(), draft.settings(), errors);
        ValidationException.throwIfAny(errors);

        var field = new FieldEntity(collection, draft.name(), draft.type(), collection.nextPosition());
        field.apply(normalized(draft.settings()));
        field.setTarget(target);
        collection.getFields().add(field);
        fields.saveAndFlush(field);
        tables.addColumn(field);
        fillDefault(collection, field);
        if (collection.getTitleField() == null && draft.type() == FieldType.TEXT) {
            // the first single-line text names the records until the admin picks another title field
            collection.setTitleField(field.getName());
        }
        if (target != null && CollectionService.blankToNull(draft.inverseName()) != null) {
            var inverse = new FieldEntity(target, draft.inverseName(), FieldType.ONE_TO_MANY, target.nextPosition());
            inverse.apply(FieldSettings.titled(collection.getTitle()));
            inverse.setTarget(collection);
            inverse.setInverseOf(field);
            target.getFields().add(inverse);
            fields.save(inverse);
        }
    }

    Map<String, Long> valueCounts(FieldEntity field) {
        return field.getType() == FieldType.ONE_TO_MANY ? Map.of() : tables.valueCounts(field);
    }

    /** Changes the field as the draft says; the number of records whose value could not be read as the new type and was emptied. */
    long update(CollectionEntity collection, FieldEntity field, FieldDraft draft, Map<String, String> moves,
            boolean emptyUnreadable) {
        // the type may be left out (it stays); the rest is checked as a new field's would be
        var errors = new ArrayList<>(constraints.errors(new FieldDraft(draft.name(), field.getType(), draft.settings(),
                draft.target(), draft.inverseName())));
        boolean renamed = !field.getName().equals(draft.name());
        if (renamed && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            checkName(collection, draft.name(), field, errors);
            uses.orderedStream().flatMap(u -> u.ofRename(collection.getName(), field.getName()).stream())
                    .forEach(place -> errors.add(FieldError.of("name", "field.rename.usedBy", place)));
        }
        FieldType from = field.getType();
        FieldType to = draft.type() == null ? from : draft.type();
        boolean retyped = from != to;
        Conversion converted = null;
        if (retyped && (from.isRelation() || to.isRelation())) {
            errors.add(FieldError.of("type", "field.type.relation"));
        } else if (retyped && !from.widensTo(to) && tables.hasValues(field) && draft.settings() != null
                && draft.settings().title() != null && !draft.settings().title().isBlank()) {
            converted = convert(field, new FieldDraft(draft.name(), to, normalized(draft.settings()), null, null), emptyUnreadable, errors);
        }
        if (from == FieldType.MANY_TO_ONE && draft.target() != null && !draft.target().equals(field.getTarget().getName())) {
            errors.add(FieldError.of("target", "field.target.fixed"));
        }
        checkSettings(to, draft.settings(), errors);
        if (errors.isEmpty() && draft.settings().unique() && !field.isUnique() && tables.hasDuplicates(field)) {
            errors.add(FieldError.of("unique", "field.unique.duplicates"));
        }
        var moving = errors.isEmpty() && from == FieldType.SINGLE_SELECT && to == FieldType.SINGLE_SELECT
                ? checkRemovedOptions(collection, field, draft.settings().options().stream().map(String::strip).toList(), moves, errors)
                : Map.<String, String>of();
        ValidationException.throwIfAny(errors);

        boolean wasUnique = field.isUnique();
        boolean hadIndex = RecordTables.wantsPlainIndex(field);
        if (renamed) {
            String old = field.getName();
            field.setName(draft.name());
            tables.renameColumn(field, old);
            if (old.equals(collection.getTitleField())) {
                collection.setTitleField(draft.name());
            }
            uses.orderedStream().forEach(u -> u.renamed(collection.getName(), old, draft.name()));
        }
        if (retyped && from.widensTo(to)) {
            tables.widen(field, to);
            field.setType(to);
        } else if (retyped) {
            tables.retype(field, to, converted == null ? Map.of() : converted.values(), () -> {
                field.setType(to);
                field.apply(normalized(draft.settings()));
            });
            return converted == null ? 0 : converted.unreadable();
        }
        moving.forEach((removed, kept) -> tables.replaceValue(field, removed, kept));
        field.apply(normalized(draft.settings()));
        tables.syncIndexes(field, wasUnique, hadIndex);
        return 0;
    }

    /** Each value held, old to new (null: emptied), and how many records hold a value that cannot be read as the new type. */
    private record Conversion(Map<Object, Object> values, long unreadable) {
    }

    /**
     * Each value the field holds read as the new type and checked against the new settings (a text that is a number,
     * a choice among the new options): the value it becomes. A value that cannot be read is refused with the number of
     * records that hold such values and a few of them, unless the admin chose to empty them ({@code emptyUnreadable},
     * then it maps to null); values that become the same where the new field is unique are refused too.
     */
    private Conversion convert(FieldEntity field, FieldDraft draft, boolean emptyUnreadable, List<FieldError> errors) {
        var probe = new FieldDefinition(null, field.getName(), draft.settings().title(), draft.type(), 0, false,
                false, false, null, draft.settings().min(), draft.settings().max(), draft.settings().pattern(),
                draft.settings().options(), null, null);
        var converted = new LinkedHashMap<Object, Object>();
        var counts = new HashMap<Object, Long>();
        long unreadable = 0;
        var examples = new ArrayList<String>();
        for (var held : tables.heldValues(field).entrySet()) {
            String text = held.getKey() instanceof BigDecimal number ? FieldValues.plain(number) : held.getKey().toString();
            if (text.isBlank()) {
                // nothing to lose
                converted.put(held.getKey(), null);
                continue;
            }
            Object value;
            try {
                value = FieldValues.coerce(probe, text);
                var wrong = new ArrayList<FieldError>();
                FieldValues.validate(probe, value, wrong);
                if (!wrong.isEmpty()) {
                    value = null;
                }
            } catch (FieldValues.Unreadable e) {
                value = null;
            }
            if (value == null) {
                unreadable += held.getValue();
                if (examples.size() < 3) {
                    examples.add("“" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "”");
                }
            } else {
                counts.merge(value, held.getValue(), Long::sum);
            }
            converted.put(held.getKey(), value);
        }
        if (unreadable > 0 && !emptyUnreadable) {
            errors.add(unreadable == 1 ? FieldError.of("type", "field.type.unreadableOne", String.join(", ", examples))
                    : FieldError.of("type", "field.type.unreadable", unreadable, String.join(", ", examples)));
        }
        if (draft.settings().unique() && counts.values().stream().anyMatch(c -> c > 1)) {
            errors.add(FieldError.of("unique", "field.unique.duplicates"));
        }
        return new Conversion(converted, unreadable);
    }

    /**
     * The options that go and that records hold: each must have a move to an option that stays, or the change is
     * refused with their count. The moves that will be made, removed option to kept one.
     */
    private Map<String, String> checkRemovedOptions(CollectionEntity collection, FieldEntity field, List<String> kept,
            Map<String, String> moves, List<FieldError> errors) {
        var moving = new LinkedHashMap<String, String>();
        var counts = tables.valueCounts(field);
        for (String option : field.definition().options()) {
            if (kept.contains(option)) {
                continue;
            }
            // an enabled workflow that writes it would fail on every click once it is no option
            uses.orderedStream().flatMap(u -> u.ofOption(collection.getName(), field.getName(), option).stream())
                    .forEach(place -> errors.add(FieldError.of("options", "field.options.written", option, place)));
            long held = counts.getOrDefault(option, 0L);
            if (held == 0) {
                continue;
            }
            String to = moves == null ? null : moves.get(option);
            if (to == null || to.isBlank()) {
                errors.add(held == 1 ? FieldError.of("options", "field.options.inUseOne", option)
                        : FieldError.of("options", "field.options.inUse", option, held));
            } else if (!kept.contains(to.strip())) {
                errors.add(FieldError.of("options", "field.options.moveTo", option, to));
            } else {
                moving.put(option, to.strip());
            }
        }
        return moving;
    }

    void remove(CollectionEntity collection, FieldEntity field) {
        ValidationException.throwIfAny(usedBy(collection, field).stream()
                .map(place -> FieldError.of("name", "field.remove.usedBy", field.definition().title(), place)).toList());
        for (FieldEntity inverse : fields.findByInverseOf(field)) {
            inverse.getCollection().getFields().remove(inverse);
        }
        if (field.getName().equals(collection.getTitleField())) {
            collection.setTitleField(null);
        }
        tables.dropColumn(field);
        collection.getFields().remove(field);
    }

    /** The enabled workflows (and other places) that name the field and would fail on every click without it. */
    private List<Text> usedBy(CollectionEntity collection, FieldEntity field) {
        return uses.orderedStream().flatMap(u -> u.ofField(collection.getName(), field.getName()).stream()).toList();
    }

    private void checkName(CollectionEntity collection, String name, FieldEntity self, List<FieldError> errors) {
        Names.checkFieldName(name).ifPresentOrElse(errors::add, () -> {
            if (collection.field(name).filter(f -> f != self).isPresent()) {
                errors.add(FieldError.of("name", "name.taken", name));
            }
        });
    }

    private CollectionEntity checkTarget(FieldDraft draft, List<FieldError> errors) {
        if (draft.target() == null || draft.target().isBlank()) {
            errors.add(FieldError.of("target", "validation.required"));
            return null;
        }
        var target = collections.findByName(draft.target()).orElse(null);
        if (target == null) {
            errors.add(FieldError.of("target", "collection.notFound", draft.target()));
            return null;
        }
        String inverse = CollectionService.blankToNull(draft.inverseName());
        if (inverse != null) {
            if (target.isBuiltIn()) {
                errors.add(FieldError.of("inverseName", "field.inverse.builtIn", target.getTitle()));
            } else {
                Names.checkFieldName(inverse).map(e -> FieldError.of("inverseName", e.messageKey(), e.args().toArray()))
                        .ifPresentOrElse(errors::add, () -> {
                            if (target.field(inverse).isPresent() || inverse.equals(draft.name()) && target.getName().equals(draft.target())) {
                                errors.add(FieldError.of("inverseName", "name.taken", inverse));
                            }
                        });
            }
        }
        return target;
    }

    private static void checkSettings(FieldType type, FieldSettings settings, List<FieldError> errors) {
        if (settings == null || settings.title() == null || settings.title().isBlank()) {
            // said by the draft's constraints
            return;
        }
        if (type == null) {
            return;
        }
        if (settings.unique() && (type == FieldType.LONG_TEXT || type == FieldType.ONE_TO_MANY || type == FieldType.BOOLEAN)) {
            errors.add(FieldError.of("unique", "field.unique.notFor"));
        }
        checkRange(type, settings.min(), settings.max(), errors);
        if (settings.pattern() != null && !settings.pattern().isBlank()) {
            if (!type.isText()) {
                errors.add(FieldError.of("pattern", "field.pattern.notFor"));
            } else {
                try {
                    Pattern.compile(settings.pattern());
                } catch (PatternSyntaxException e) {
                    errors.add(FieldError.of("pattern", "field.pattern.invalid"));
                }
            }
        }
        if (type == FieldType.SINGLE_SELECT) {
            List<String> options = settings.options() == null ? List.of() : settings.options();
            if (options.isEmpty() || options.stream().anyMatch(o -> o == null || o.isBlank())) {
                errors.add(FieldError.of("options", "field.options.required"));
            } else if (new HashSet<>(options.stream().map(String::strip).toList()).size() != options.size()) {
                errors.add(FieldError.of("options", "field.options.duplicate"));
            }
        }
        if (settings.defaultValue() != null && !settings.defaultValue().isBlank()) {
            checkDefault(type, normalized(settings), errors);
        }
    }

    private static void checkRange(FieldType type, BigDecimal min, BigDecimal max, List<FieldError> errors) {
        if (min == null && max == null) {
            return;
        }
        if (!type.isNumber() && !type.isText()) {
            errors.add(FieldError.of("min", "field.range.notFor"));
            return;
        }
        if (type.isText()) {
            for (var bound : new BigDecimal[] {min, max}) {
                if (bound != null && (bound.signum() < 0 || bound.stripTrailingZeros().scale() > 0)) {
                    errors.add(FieldError.of(bound == min ? "min" : "max", "field.range.length"));
                }
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(FieldError.of("max", "field.range.order"));
        }
    }

    private static void checkDefault(FieldType type, FieldSettings settings, List<FieldError> errors) {
        if (type.isRelation()) {
            errors.add(FieldError.of("defaultValue", "field.default.notFor"));
            return;
        }
        var probe = new FieldDefinition(null, "defaultValue", settings.title(), type, 0, false, false, false, null,
                settings.min(), settings.max(), settings.pattern(), settings.options(), null, null);
        try {
            FieldValues.validate(probe, FieldValues.coerce(probe, settings.defaultValue()), errors);
        } catch (FieldValues.Unreadable e) {
            errors.add(e.error);
        }
    }

    /** Fills the new column with the default value in every existing record. */
    private void fillDefault(CollectionEntity collection, FieldEntity field) {
        var definition = field.definition();
        if (definition.defaultValue() == null) {
            return;
        }
        try {
            Object value = FieldValues.coerce(definition, definition.defaultValue());
            dsl.update(RecordTables.table(collection)).set(RecordSql.plainColumn(definition), value).execute();
        } catch (FieldValues.Unreadable e) {
            throw new ValidationException(e.error);
        }
    }

    private static FieldSettings normalized(FieldSettings settings) {
        return new FieldSettings(settings.title().strip(), settings.required(), settings.unique(), settings.indexed(),
                CollectionService.blankToNull(settings.defaultValue()), settings.min(), settings.max(),
                CollectionService.blankToNull(settings.pattern()),
                settings.options() == null ? List.of() : settings.options().stream().map(String::strip).toList());
    }
}
