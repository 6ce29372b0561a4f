package io.actionflow.pages.ui;

import io.actionflow.collections.ui.FieldEditor;
import io.actionflow.collections.ui.FieldEditors;
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
    /** Sub-tables: the rows of one-to-many fields, saved with the record. */
    private final List<RowsEditor> subTables = new ArrayList<>();
    private final CollectionDefinition collection;
    private final io.actionflow.access.Access.Reader reader;

    /**
     * A create form ({@code act} CREATE) shows the fields its user may set on creation; an edit form (UPDATE) shows
     * those they may read, and those they may not change as read-only, not submitted.
     */
    RecordForm(CollectionDefinition collection, List<String> fieldNames, CollectionService collections, RecordQueries queries,
            io.actionflow.access.Access.Reader reader, io.actionflow.access.Act act) {
        this.collection = collection;
        this.reader = reader;
        addClassName("af-record-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        for (String name : fieldNames) {
            boolean writes = reader.writes(collection.name(), act, name);
            if (!writes && (act == io.actionflow.access.Act.CREATE || !reader.reads(collection.name(), name))) {
                continue;
            }
            collection.field(name).filter(f -> f.type() == FieldType.ONE_TO_MANY).ifPresent(field -> {
                var rows = new RowsEditor(field, collections, queries, reader);
                rows.setReadOnly(!writes);
                subTables.add(rows);
                add(rows);
                setColspan(rows, 2);
            });
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
        var unreadable = new ArrayList<FieldError>(editors.stream().flatMap(e -> e.unreadable().stream()).toList());
        subTables.forEach(t -> unreadable.addAll(t.unreadable()));
        if (!unreadable.isEmpty()) {
            showErrors(unreadable);
            throw new Unreadable();
        }
        var values = new LinkedHashMap<String, Object>();
        editors.stream().filter(e -> !readOnly.contains(e)).forEach(e -> values.put(e.field().name(), e.submitted()));
        subTables.stream().filter(t -> reader.writes(collection.name(), io.actionflow.access.Act.UPDATE, t.field().name())
                || reader.writes(collection.name(), io.actionflow.access.Act.CREATE, t.field().name()))
                .forEach(t -> values.put(t.field().name(), t.values()));
        return values;
    }

    void show(StoredRecord record) {
        clearErrors();
        editors.forEach(e -> e.show(record));
        subTables.forEach(t -> t.show(record == null ? List.of() : reader.children(collection.name(), record.id(), t.field().name())));
    }

    void clear() {
        editors.forEach(FieldEditor::clear);
        subTables.forEach(RowsEditor::clear);
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
        var remaining = new ArrayList<FieldError>();
        for (RowsEditor table : subTables) {
            var own = errors.stream().filter(table::owns).toList();
            remaining.addAll(table.showErrors(own));
        }
        for (FieldError error : errors) {
            if (subTables.stream().anyMatch(t -> t.owns(error))) {
                continue;
            }
            var editor = editors.stream().filter(e -> e.field().name().equals(error.field())).findFirst();
            if (editor.isPresent()) {
                editor.get().validation().setErrorMessage(getTranslation(error.messageKey(), error.args().toArray()));
                editor.get().validation().setInvalid(true);
            } else {
                elsewhere.add(error);
            }
        }
        elsewhere.addAll(remaining);
        return elsewhere;
    }

    void setReadOnly(boolean readOnly) {
        editors.forEach(e -> e.setReadOnly(readOnly || this.readOnly.contains(e)));
        subTables.forEach(t -> t.setReadOnly(readOnly));
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
