package io.actionflow.workflow.ui;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;

/** How the editor names a field to an admin: by its title, with its technical name where titles repeat. */
final class FieldLabels {

    private FieldLabels() {
    }

    static String of(CollectionDefinition collection, String name) {
        if (collection == null) {
            return name;
        }
        var field = collection.field(name);
        if (field.isEmpty()) {
            return name;
        }
        String title = field.get().title();
        long sameTitle = collection.fields().stream().map(FieldDefinition::title).filter(title::equalsIgnoreCase).count();
        return sameTitle > 1 || title.isBlank() ? title + " (" + name + ")" : title;
    }
}
