package io.actionflow.pages.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inputs for a record's fields: what a create or edit form submits, and where refusals show. */
final class RecordForm extends FormLayout {

    private final List<FieldEditor<?>> editors = new ArrayList<>();
    /** The inputs shown but not submitted: fields the user may read and not change. */
    private final java.util.Set<FieldEditor<?>> readOnly = new java.util.HashSet<>();

    /**
     * A create form ({@code act} CREATE) shows the fields its user may set on creation; an edit form (UPDATE) shows
     * those they may read, and those they may not change as read-only, not submitted.
     */
    RecordForm(CollectionDefinition collection, List<String> fieldNames, CollectionService collections, RecordQueries queries,
            io.actionflow.access.Access.Reader reader, io.actionflow.access.Act act) {
        addClassName("af-record-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        for (String name : fieldNames) {
            boolean writes = reader.writes(collection.name(), act, name);
            if (!writes && (act == io.actionflow.access.Act.CREATE || !reader.reads(collection.name(), name))) {
                continue;
            }
            collection.field(name).filter(f -> f.type().hasColumn()).ifPresent(field -> {
                CollectionDefinition target = field.type() == FieldType.MANY_TO_ONE ? collections.require(field.target()) : null;
                FieldEditor<?> editor = FieldEditors.create(field, queries, target, reader.visibility());
                editor.clear();
                if (!writes) {
                    editor.setReadOnly(true);
                    readOnly.add(editor);
                }
                editors.add(editor);
                add(editor.component());
                if (field.type() == FieldType.LONG_TEXT) {
                    setColspan(editor.component(), 2);
                }
            });
        }
    }

    /**
     * What the form submits: every field shown, by name (empty inputs as null). Refused, with the inputs marked, when an
     * input holds what its field cannot hold: nothing is submitted then.
     */
    Map<String, Object> values() {
        var unreadable = editors.stream().flatMap(e -> e.unreadable().stream()).toList();
        if (!unreadable.isEmpty()) {
            showErrors(unreadable);
            throw new Unreadable();
        }
        var values = new LinkedHashMap<String, Object>();
        editors.stream().filter(e -> !readOnly.contains(e)).forEach(e -> values.put(e.field().name(), e.submitted()));
        return values;
    }

    void show(StoredRecord record) {
        clearErrors();
        editors.forEach(e -> e.show(record));
    }

    void clear() {
        editors.forEach(FieldEditor::clear);
    }

    void clearErrors() {
        editors.forEach(e -> {
            e.validation().setInvalid(false);
            e.validation().setErrorMessage(null);
        });
    }

    /** Marks the refused fields; returns the errors that belong to no field of this form. */
    List<FieldError> showErrors(List<FieldError> errors) {
        clearErrors();
        var elsewhere = new ArrayList<FieldError>();
        for (FieldError error : errors) {
            var editor = editors.stream().filter(e -> e.field().name().equals(error.field())).findFirst();
            if (editor.isPresent()) {
                editor.get().validation().setErrorMessage(getTranslation(error.messageKey(), error.args().toArray()));
                editor.get().validation().setInvalid(true);
            } else {
                elsewhere.add(error);
            }
        }
        return elsewhere;
    }

    void setReadOnly(boolean readOnly) {
        editors.forEach(e -> e.setReadOnly(readOnly || this.readOnly.contains(e)));
    }

    List<FieldDefinition> fields() {
        return editors.stream().map(FieldEditor::field).toList();
    }

    /** The form holds input it cannot read; its inputs say which, and nothing was submitted. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }
}
