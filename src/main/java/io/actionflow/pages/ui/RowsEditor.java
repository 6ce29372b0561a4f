package io.actionflow.pages.ui;

import io.actionflow.collections.ui.FieldEditor;
import io.actionflow.collections.ui.FieldEditors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.actionflow.access.Access;
import io.actionflow.access.Act;
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

/**
 * A sub-table in a form: the rows of a one-to-many field (an order's items), added, changed and removed in place and
 * saved with the record in one write. Each row's inputs are those of the related collection's fields its user may set,
 * except the relation back to the record.
 */
final class RowsEditor extends Div {

    private final FieldDefinition field;
    private final CollectionDefinition child;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final Access.Reader reader;
    private final Div rows = new Div();
    private final Button add = new Button();
    private final List<Row> shown = new ArrayList<>();

    /** One row: its id when it is stored already, and its inputs. */
    private record Row(Long id, Div line, List<FieldEditor<?>> editors) {
    }

    RowsEditor(FieldDefinition field, CollectionService collections, RecordQueries queries, Access.Reader reader) {
        this.field = field;
        this.child = collections.require(field.target());
        this.collections = collections;
        this.queries = queries;
        this.reader = reader;
        addClassName("af-rows-editor");
        getElement().setAttribute("data-field", field.name());
        var title = new Span(field.title());
        title.addClassName("af-rows-title");
        rows.addClassName("af-rows");
        add.setText(getTranslation("rows.add", child.title()));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add.addClickListener(e -> addRow(null));
        add.setVisible(reader.may(child.name(), Act.CREATE));
        add(title, rows, add);
    }

    FieldDefinition field() {
        return field;
    }

    private void addRow(StoredRecord stored) {
        var line = new Div();
        line.addClassName("af-row-line");
        var editors = new ArrayList<FieldEditor<?>>();
        Act act = stored == null ? Act.CREATE : Act.UPDATE;
        for (FieldDefinition f : child.columnFields()) {
            if (f.name().equals(field.inverseOf()) || !reader.reads(child.name(), f.name())) {
                continue;
            }
            CollectionDefinition target = f.type() == FieldType.MANY_TO_ONE ? collections.require(f.target()) : null;
            FieldEditor<?> editor = FieldEditors.create(f, queries, target, reader.visibility());
            if (stored == null) {
                editor.clear();
            } else {
                editor.show(stored);
            }
            editor.setReadOnly(!reader.writes(child.name(), act, f.name()));
            editors.add(editor);
            line.add(editor.component());
        }
        var row = new Row(stored == null ? null : stored.id(), line, editors);
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            shown.remove(row);
            rows.remove(line);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("rows.remove"));
        remove.setTooltipText(getTranslation("rows.remove"));
        remove.setVisible(stored == null || reader.may(child.name(), Act.DELETE));
        line.add(remove);
        shown.add(row);
        rows.add(line);
    }

    /** The shown rows, by index, that the last {@link #values()} sent, in order; null before it. */
    private List<Integer> sent;

    /** The rows as the form submits them: stored ones with their id, new ones without. */
    List<Map<String, Object>> values() {
        var values = new ArrayList<Map<String, Object>>();
        var sentNow = new ArrayList<Integer>();
        for (int index = 0; index < shown.size(); index++) {
            Row row = shown.get(index);
            var value = new LinkedHashMap<String, Object>();
            if (row.id() != null) {
                value.put("id", row.id());
            }
            for (FieldEditor<?> editor : row.editors()) {
                if (!editor.isReadOnly()) {
                    value.put(editor.field().name(), editor.submitted());
                }
            }
            // a new row left blank is no row: it is not sent
            if (row.id() == null && value.values().stream().allMatch(v -> v == null || v instanceof String text && text.isBlank())) {
                continue;
            }
            values.add(value);
            sentNow.add(index);
        }
        sent = sentNow;
        return values;
    }

    /** Inputs of any row that hold what their field cannot hold, named as the write names them ({@code items[0].qty}). */
    List<FieldError> unreadable() {
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < shown.size(); i++) {
            int index = i;
            shown.get(i).editors().forEach(e -> e.unreadable().ifPresent(error ->
                    errors.add(new FieldError(prefix(index) + error.field(), error.messageKey(), error.args()))));
        }
        return errors;
    }

    void show(List<StoredRecord> stored) {
        clear();
        stored.forEach(this::addRow);
    }

    void clear() {
        shown.clear();
        sent = null;
        rows.removeAll();
    }

    /** Marks the refused inputs of the rows; returns the errors that belong to none of them. */
    List<FieldError> showErrors(List<FieldError> errors) {
        shown.forEach(r -> r.editors().forEach(e -> {
            e.validation().setInvalid(false);
            e.validation().setErrorMessage(null);
        }));
        var elsewhere = new ArrayList<FieldError>();
        for (FieldError error : errors) {
            boolean placed = false;
            // the write names rows as they were sent; blank new rows were left out
            int count = sent == null ? shown.size() : sent.size();
            for (int i = 0; i < count && !placed; i++) {
                String prefix = prefix(i);
                int at = sent == null ? i : sent.get(i);
                if (error.field() != null && error.field().startsWith(prefix) && at < shown.size()) {
                    String name = error.field().substring(prefix.length());
                    for (FieldEditor<?> editor : shown.get(at).editors()) {
                        if (editor.field().name().equals(name)) {
                            editor.validation().setErrorMessage(getTranslation(error.messageKey(), error.args().toArray()));
                            editor.validation().setInvalid(true);
                            placed = true;
                        }
                    }
                }
            }
            if (!placed) {
                elsewhere.add(error);
            }
        }
        return elsewhere;
    }

    boolean owns(FieldError error) {
        return error.field() != null && (error.field().equals(field.name()) || error.field().startsWith(field.name() + "["));
    }

    private String prefix(int index) {
        return field.name() + "[" + index + "].";
    }

    void setReadOnly(boolean readOnly) {
        add.setVisible(!readOnly && reader.may(child.name(), Act.CREATE));
        shown.forEach(r -> r.editors().forEach(e -> e.setReadOnly(readOnly)));
    }
}
