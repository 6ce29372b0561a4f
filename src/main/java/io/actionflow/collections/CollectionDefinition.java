package io.actionflow.collections;

import java.util.List;
import java.util.Optional;

/**
 * A collection as the rest of the application sees it, with its fields in their order.
 *
 * @param titleField the field whose value names a record (in relation pickers, titles of related records); null: id
 * @param builtIn    a collection the platform owns (users): readable and linkable, not changed through collections
 */
public record CollectionDefinition(
        long id,
        String name,
        String tableName,
        String title,
        String description,
        String titleField,
        boolean builtIn,
        List<FieldDefinition> fields) {

    public Optional<FieldDefinition> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public FieldDefinition requireField(String fieldName) {
        return field(fieldName).orElseThrow(
                () -> new io.actionflow.platform.NotFoundException("field.notFound", fieldName, name));
    }

    /** Fields stored in the collection's own table, in order. */
    public List<FieldDefinition> columnFields() {
        return fields.stream().filter(f -> f.type().hasColumn()).toList();
    }
}
