package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.workflow.nodes.ManualTaskNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One field of a Manual task's form, as a row of the node's settings: its name (a field of the node's collection, or a
 * name of its own), label, type ("as in the collection" for a collection's field), whether it is required, the choices
 * of a choice field, and the value it starts with (a variable, picked or typed).
 */
final class FormFieldRow {

    private FormFieldRow() {
    }

    /** A row showing {@code row} (null for a new one); {@code collection} is the node's collection as chosen now. */
    static SettingRows.Row<Map<String, Object>> make(Map<String, Object> row, Supplier<Optional<CollectionDefinition>> collection,
            List<Variables.Group> variables) {
        var name = new ComboBox<String>();
        var known = collection.get().map(c -> c.columnFields().stream().map(FieldDefinition::name).toList()).orElse(List.of());
        var names = new ArrayList<String>(known);
        String given = row == null || row.get("name") == null ? null : String.valueOf(row.get("name"));
        if (given != null && !names.contains(given)) {
            names.add(given);
        }
        name.setItems(names);
        name.setItemLabelGenerator(n -> known.contains(n) ? FieldLabels.of(collection.get().orElse(null), n) : n);
        name.setAllowCustomValue(true);
        name.addCustomValueSetListener(e -> {
            String typed = e.getDetail().strip();
            if (!names.contains(typed)) {
                names.add(typed);
                name.setItems(names);
            }
            name.setValue(typed);
        });
        name.setValue(given);
        label(name, "nodeSetting.fields.name");
        name.addClassName("af-setting-field");

        var title = new TextField();
        label(title, "nodeSetting.fields.title");
        title.setValue(text(row, "title"));

        var type = new Select<String>();
        var types = new ArrayList<String>(List.of(""));
        types.addAll(ManualTaskNode.TYPES);
        type.setItems(types);
        type.setItemLabelGenerator(t -> t.isEmpty() ? type.getTranslation("nodeSetting.fields.type.collection")
                : type.getTranslation("fieldType." + t));
        label(type, "nodeSetting.fields.fieldType");
        String givenType = text(row, "type");
        // a new row is a text field of the form's own; a row without a type is a field of the collection
        type.setValue(row == null ? "text" : types.contains(givenType) ? givenType : "");

        var required = new Checkbox(required(row));
        required.setLabel(required.getTranslation("nodeSetting.fields.required"));

        var options = new TextField();
        label(options, "nodeSetting.fields.options");
        options.setValue(row != null && row.get("options") instanceof List<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : text(row, "options"));
        options.setVisible("single_select".equals(type.getValue()));
        type.addValueChangeListener(e -> options.setVisible("single_select".equals(e.getValue())));

        var value = new TextField();
        label(value, "nodeSetting.fields.value");
        value.setValue(text(row, "value"));
        value.addClassName("af-setting-value");
        value.setSuffixComponent(VariablePicker.into(value, variables, false));

        return new SettingRows.Row<>(List.of(name, title, type, required, options, value), () -> {
            if (name.getValue() == null || name.getValue().isBlank()) {
                return null;
            }
            var field = new LinkedHashMap<String, Object>();
            field.put("name", name.getValue().strip());
            if (!title.getValue().isBlank()) {
                field.put("title", title.getValue().strip());
            }
            if (!type.getValue().isEmpty()) {
                field.put("type", type.getValue());
            }
            if (required.getValue()) {
                field.put("required", true);
            }
            if ("single_select".equals(type.getValue())) {
                field.put("options", Arrays.stream(options.getValue().split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList());
            }
            if (!value.getValue().isBlank()) {
                field.put("value", value.getValue());
            }
            return field;
        }, () -> {
            // a name that variables can read; a type unless the collection has the field
            boolean named = name.getValue() == null || ManualTaskNode.fieldName(name.getValue().strip());
            name.setInvalid(!named);
            name.setErrorMessage(named ? null : name.getTranslation("manual.row.name"));
            boolean typed = !type.getValue().isEmpty() || name.getValue() == null || known.contains(name.getValue());
            type.setInvalid(!typed);
            type.setErrorMessage(typed ? null : type.getTranslation("manual.row.typeNeeded"));
            return named && typed;
        });
    }

    private static void label(Component field, String key) {
        String label = field.getTranslation(key);
        if (field instanceof HasLabel labelled) {
            labelled.setLabel(label);
        }
        field.getElement().setAttribute("aria-label", label);
    }

    private static boolean required(Map<String, Object> row) {
        return row != null && Boolean.parseBoolean(String.valueOf(row.get("required")));
    }

    private static String text(Map<String, Object> row, String key) {
        return row == null || row.get(key) == null ? "" : String.valueOf(row.get(key));
    }
}
