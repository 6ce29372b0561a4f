package io.actionflow.collections.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import io.actionflow.collections.ui.RecordChoices.Choice;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.RecordQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The right input for each field type; relations pick a record by its title, searchable and paged. */
public final class FieldEditors {

    private FieldEditors() {
    }

    public static FieldEditor<?> create(FieldDefinition field, RecordQueries queries, CollectionDefinition target,
            io.actionflow.collections.Visibility visibility) {
        FieldEditor<?> editor = switch (field.type()) {
            case TEXT -> new FieldEditor<>(field, new TextField(), v -> v, (v, r) -> (String) v);
            case LONG_TEXT -> new FieldEditor<>(field, new TextArea(), v -> v, (v, r) -> (String) v);
            case EMAIL -> new FieldEditor<>(field, new EmailField(), v -> v, (v, r) -> (String) v);
            case INTEGER -> new FieldEditor<>(field, new IntegerField(), v -> v.longValue(), (v, r) -> ((Long) v).intValue());
            case DECIMAL -> new FieldEditor<>(field, new BigDecimalField(), v -> v, (v, r) -> (BigDecimal) v);
            case BOOLEAN -> new FieldEditor<>(field, new Checkbox(), v -> v, (v, r) -> (Boolean) v);
            case DATE -> new FieldEditor<>(field, new DatePicker(), v -> v, (v, r) -> (LocalDate) v);
            case DATETIME -> new FieldEditor<>(field, new DateTimePicker(),
                    v -> v.atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                    (v, r) -> ((OffsetDateTime) v).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
            case SINGLE_SELECT -> select(field);
            case MANY_TO_ONE -> relation(field, queries, target, visibility);
            case ONE_TO_MANY -> throw new IllegalArgumentException("A one-to-many field has no input");
        };
        var component = editor.component();
        if (component instanceof com.vaadin.flow.component.HasLabel labelled) {
            labelled.setLabel(field.title());
        }
        if (field.required() && component instanceof com.vaadin.flow.component.HasValue<?, ?> value) {
            value.setRequiredIndicatorVisible(true);
        }
        return editor;
    }

    private static FieldEditor<String> select(FieldDefinition field) {
        var select = new Select<String>();
        select.setItems(field.options());
        select.setEmptySelectionAllowed(!field.required());
        select.setItemLabelGenerator(o -> o == null ? "" : field.options().contains(o) ? o : select.getTranslation("records.option.gone", o));
        // a value that is no longer an option is shown as it is, not blanked: saving the record keeps it or says why not
        return new FieldEditor<>(field, select, v -> v, (v, r) -> {
            String stored = (String) v;
            if (stored != null && !field.options().contains(stored)) {
                var items = new java.util.ArrayList<>(field.options());
                items.add(stored);
                select.setItems(items);
            }
            return stored;
        });
    }

    private static FieldEditor<Choice> relation(FieldDefinition field, RecordQueries queries, CollectionDefinition target,
            io.actionflow.collections.Visibility visibility) {
        var box = RecordChoices.comboBox(queries, target, visibility);
        // a record the editor may not see keeps its link, and nothing says which record it is
        return new FieldEditor<>(field, box, Choice::id, (v, r) -> new Choice((Long) v, r.hides(field.name())
                ? box.getTranslation("records.relation.hidden") : r.relationTitles().getOrDefault(field.name(), "#" + v)));
    }
}
