package io.actionflow.collections;

import io.actionflow.platform.CommittedCache;
import io.actionflow.platform.Constraints;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metamodel: admins define collections and their fields; each change to the shape is applied to the real table
 * in the same transaction, so a refused or failed change leaves both as they were.
 */
@Service
@Transactional
public class CollectionService {

    private final CollectionRepository collections;
    private final FieldRepository fields;
    private final RecordTables tables;
    private final FieldChanges fieldChanges;
    private final Clock clock;
    /** Definitions by name, so that a record call does not read the metamodel again. */
    private final CommittedCache<String, Optional<CollectionDefinition>> cache;

    private final org.springframework.beans.factory.ObjectProvider<CollectionUses> uses;
    private final Constraints constraints;

    CollectionService(CollectionRepository collections, FieldRepository fields, RecordTables tables,
            FieldChanges fieldChanges, Clock clock, Constraints constraints,
            @Value("${actionflow.collections.metamodel-ttl:5s}") java.time.Duration metamodelTtl,
            org.springframework.beans.factory.ObjectProvider<CollectionUses> uses) {
        this.uses = uses;
        this.constraints = constraints;
        this.cache = new CommittedCache<>(metamodelTtl, clock, 10_000);
        this.collections = collections;
        this.fields = fields;
        this.tables = tables;
        this.fieldChanges = fieldChanges;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CollectionDefinition> list() {
        return collections.findAllWithFields().stream().map(CollectionService::definition).toList();
    }

    /** As last committed; no transaction is opened when it is cached. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Optional<CollectionDefinition> find(String name) {
        return cache.get(name, () -> collections.findByName(name).map(CollectionService::definition));
    }

    /** The collection of that name, or a {@link NotFoundException} that says so. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public CollectionDefinition require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("collection.notFound", name));
    }

    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition create(CollectionDraft draft) {
        cache.changing();
        var errors = new ArrayList<>(constraints.errors(draft));
        if (errors.stream().noneMatch(e -> e.field().equals("name"))) {
            Names.checkCollectionName(draft.name()).ifPresent(errors::add);
        }
        if (errors.isEmpty() && collections.existsByName(draft.name())) {
            errors.add(FieldError.of("name", "name.taken", draft.name()));
        }
        ValidationException.throwIfAny(errors);
        var entity = collections.saveAndFlush(new CollectionEntity(draft.name(), draft.title().strip(),
                blankToNull(draft.description()), clock.instant()));
        tables.create(entity);
        return definition(entity);
    }

    /** Changes the title, description and title field; the name (and table) stay. */
    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition update(String name, CollectionDraft changes) {
        var entity = editable(name);
        // the name stays what it is; the rest is checked as a new collection's would be
        var errors = new ArrayList<>(constraints.errors(new CollectionDraft(name, changes.title(), changes.description(),
                changes.titleField())));
        String titleField = blankToNull(changes.titleField());
        if (titleField != null && entity.field(titleField).filter(f -> f.getType().hasColumn()
                && f.getType() != FieldType.MANY_TO_ONE).isEmpty()) {
            errors.add(FieldError.of("titleField", "collection.titleField.invalid", titleField));
        }
        ValidationException.throwIfAny(errors);
        entity.setTitle(changes.title().strip());
        entity.setDescription(blankToNull(changes.description()));
        entity.setTitleField(titleField);
        return definition(entity);
    }

    /** Deletes a collection with all its records; refused while other collections point to it. */
    @PreAuthorize("hasRole('admin')")
    public void delete(String name) {
        var entity = editable(name);
        List<String> referencing = fields.findByTarget(entity).stream()
                .filter(f -> f.getType() == FieldType.MANY_TO_ONE && f.getCollection() != entity)
                .map(f -> f.getCollection().getTitle() + "." + f.getName())
                .toList();
        if (!referencing.isEmpty()) {
            throw new ValidationException(FieldError.of("name", "collection.delete.referenced", String.join(", ", referencing)));
        }
        // pages and workflows built on it would be left pointing at nothing
        var usedBy = uses.orderedStream().flatMap(u -> u.of(name).stream())
                .map(place -> FieldError.of("name", "collection.delete.usedBy", place)).toList();
        ValidationException.throwIfAny(usedBy);
        for (FieldEntity field : entity.getFields()) {
            fields.findByInverseOf(field).forEach(inverse -> inverse.getCollection().getFields().remove(inverse));
        }
        tables.drop(entity);
        collections.delete(entity);
    }

    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition addField(String collection, FieldDraft draft) {
        var entity = editable(collection);
        fieldChanges.add(entity, draft);
        return definition(entity);
    }

    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition updateField(String collection, String fieldName, FieldDraft draft) {
        return updateField(collection, fieldName, draft, Map.of());
    }

    /**
     * As {@link #updateField(String, String, FieldDraft)}; a select option that records hold may only be removed with
     * a move in {@code moves} (removed option to one that stays), done in the same transaction. Otherwise the change
     * is refused with the number of records that hold it: nothing is lost silently.
     */
    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition updateField(String collection, String fieldName, FieldDraft draft, Map<String, String> moves) {
        return updateField(collection, fieldName, draft, moves, false);
    }

    /**
     * As {@link #updateField(String, String, FieldDraft, Map)}; a type change of a field with values converts
     * each value to the new type. Values that cannot be read as it refuse the change with their count, unless
     * {@code emptyUnreadable}: the admin chose to empty them.
     */
    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition updateField(String collection, String fieldName, FieldDraft draft, Map<String, String> moves,
            boolean emptyUnreadable) {
        return changeField(collection, fieldName, draft, moves, emptyUnreadable).collection();
    }

    /** What a field change did: the collection after it, and how many records had a value emptied (see above). */
    public record FieldChange(CollectionDefinition collection, long emptied) {
    }

    /** As {@link #updateField(String, String, FieldDraft, Map, boolean)}, saying how many values were emptied. */
    @PreAuthorize("hasRole('admin')")
    public FieldChange changeField(String collection, String fieldName, FieldDraft draft, Map<String, String> moves,
            boolean emptyUnreadable) {
        var entity = editable(collection);
        var field = entity.field(fieldName).orElseThrow(() -> new NotFoundException("field.notFound", fieldName, collection));
        long emptied = fieldChanges.update(entity, field, draft, moves, emptyUnreadable);
        return new FieldChange(definition(entity), emptied);
    }

    /** A name suggested from a title ({@code order}) that is free of SQL's and Actionflow's own words ({@code order_ref}). */
    public static String freeName(String name) {
        return name == null || name.isEmpty() ? name : Names.free(name);
    }

    /** How many records hold each option of a select field, for an admin about to change its options. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('admin')")
    public Map<String, Long> optionUses(String collection, String fieldName) {
        var entity = collections.findByName(collection).orElseThrow(() -> new NotFoundException("collection.notFound", collection));
        var field = entity.field(fieldName).orElseThrow(() -> new NotFoundException("field.notFound", fieldName, collection));
        return fieldChanges.valueCounts(field);
    }

    /** Removes a field and its column, with every value in it; a many-to-one takes its inverse along. */
    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition removeField(String collection, String fieldName) {
        var entity = editable(collection);
        var field = entity.field(fieldName).orElseThrow(() -> new NotFoundException("field.notFound", fieldName, collection));
        fieldChanges.remove(entity, field);
        return definition(entity);
    }

    /** Moves a field to a new place in the order of fields (0 is first). */
    @PreAuthorize("hasRole('admin')")
    public CollectionDefinition moveField(String collection, String fieldName, int index) {
        var entity = editable(collection);
        var ordered = new ArrayList<>(entity.getFields());
        var field = entity.field(fieldName).orElseThrow(() -> new NotFoundException("field.notFound", fieldName, collection));
        ordered.remove(field);
        ordered.add(Math.max(0, Math.min(index, ordered.size())), field);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i + 1);
        }
        entity.getFields().sort(java.util.Comparator.comparingInt(FieldEntity::getPosition));
        return definition(entity);
    }

    private CollectionEntity editable(String name) {
        cache.changing();
        var entity = collections.findByName(name).orElseThrow(() -> new NotFoundException("collection.notFound", name));
        if (entity.isBuiltIn()) {
            throw new ValidationException(FieldError.of("name", "collection.builtIn", entity.getTitle()));
        }
        return entity;
    }

    static CollectionDefinition definition(CollectionEntity entity) {
        return new CollectionDefinition(entity.getId(), entity.getName(), entity.getTableName(), entity.getTitle(),
                entity.getDescription(), entity.getTitleField(), entity.isBuiltIn(),
                entity.getFields().stream().map(FieldEntity::definition).toList());
    }


    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
