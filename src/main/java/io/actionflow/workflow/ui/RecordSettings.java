package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The settings of the nodes that work on records, in a node's settings form: the collection (picked by title, or a
 * variable), conditions and sorts on its fields, and values to write, each in an input made for its field.
 */
final class RecordSettings {

    private static final List<String> OPERATORS = List.of("eq", "ne", "contains", "gt", "ge", "lt", "le", "empty", "notEmpty", "in");
    /** A variable shown in placeholders (it cannot be in the message bundles, which use braces). */
    private static final String VARIABLE = "{{$context.data.name}}";

    private final NodeSettingsForm form;
    private final CollectionService collections;
    private final NodeEnvironment environment;
    /** The collection of the workflow's trigger: the fields an Update submitted data node offers. */
    private final String triggerCollection;
    private final List<Runnable> onCollectionChange = new ArrayList<>();
    private ComboBox<String> collection;

    RecordSettings(NodeSettingsForm form, NodeEnvironment environment) {
        this.form = form;
        this.environment = environment;
        this.collections = environment.collections();
        this.triggerCollection = environment.triggerCollection();
    }

    /** The inputs that depend on the collection follow it (after the settings are filled in, say). */
    void collectionChanged() {
        onCollectionChange.forEach(Runnable::run);
    }

    /** The collection chosen in the form, when it is one of ours. */
    Optional<CollectionDefinition> chosen() {
        return collection == null || collection.getValue() == null ? Optional.empty() : collections.find(collection.getValue());
    }

    void collection() {
        collection = form.labelled(new ComboBox<String>(), "collection");
        var all = collections.list().stream().filter(c -> !c.builtIn()).toList();
        collection.setItems(all.stream().map(CollectionDefinition::name).toList());
        collection.setItemLabelGenerator(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                .map(c -> c.title() + " (" + c.name() + ")").orElse(n));
        // a collection can also come from a variable
        collection.setAllowCustomValue(true);
        // a collection typed by its title ("Support tickets") is the collection of that title
        collection.addCustomValueSetListener(e -> collection.setValue(all.stream()
                .filter(c -> c.title().equalsIgnoreCase(e.getDetail().strip()) || c.name().equalsIgnoreCase(e.getDetail().strip()))
                .map(CollectionDefinition::name).findFirst().orElse(e.getDetail())));
        collection.addValueChangeListener(e -> onCollectionChange.forEach(Runnable::run));
        form.reader("collection", collection::getValue);
        form.writer("collection", v -> collection.setValue(v == null ? null : String.valueOf(v)));
    }

    private List<String> fieldNames() {
        String chosen = collection != null ? collection.getValue() : triggerCollection;
        if (chosen == null) {
            return List.of("id");
        }
        var names = new ArrayList<String>(List.of("id"));
        collections.find(chosen).ifPresent(c -> c.columnFields().stream().map(FieldDefinition::name).forEach(names::add));
        return names;
    }

    /** Record conditions: field, comparison, value; all must hold. */
    void conditions() {
        var rows = form.<Map<String, Object>>rows("filter", "nodeSetting.filter.add", row -> {
            var field = fieldBox();
            var op = new Select<String>();
            op.setItems(OPERATORS);
            op.setItemLabelGenerator(o -> form.getTranslation("filter.op." + ("notEmpty".equals(o) ? "not_empty" : o)));
            op.setAriaLabel(form.getTranslation("nodeSetting.filter.op"));
            var value = new TextField();
            value.setPlaceholder(form.getTranslation("nodeSetting.filter.value", VARIABLE));
            value.setAriaLabel(form.getTranslation("nodeSetting.filter.value", VARIABLE));
            value.addClassName("af-setting-value");
            value.setSuffixComponent(VariablePicker.into(value, environment.variables(), false));
            field.setValue(row == null ? "id" : String.valueOf(row.getOrDefault("field", "id")));
            op.setValue(row == null || row.get("op") == null ? "eq" : OPERATORS.contains(String.valueOf(row.get("op"))) ? String.valueOf(row.get("op")) : "eq");
            value.setValue(row == null || row.get("value") == null ? "" : String.valueOf(row.get("value")));
            return new SettingRows.Row<>(List.of(field, op, value), () -> {
                var condition = new LinkedHashMap<String, Object>();
                condition.put("field", field.getValue());
                // what the condition held stays as it was written: no comparison means equals, a number stays one
                if (row == null || row.containsKey("op") || !"eq".equals(op.getValue())) {
                    condition.put("op", op.getValue());
                }
                condition.put("value", unchanged(row == null ? null : row.get("value"), value.getValue()));
                return field.getValue() == null || field.getValue().isBlank() ? null : condition;
            });
        });
        form.reader("filter", rows::values);
        form.writer("filter", v -> rows.show(v instanceof List<?> list ? NodeSettingsForm.maps(list) : List.of()));
    }

    void sorts() {
        var rows = form.<Map<String, Object>>rows("sort", "nodeSetting.sort.add", row -> {
            var field = fieldBox();
            var direction = new Select<String>();
            direction.setItems("asc", "desc");
            direction.setItemLabelGenerator(d -> form.getTranslation("nodeSetting.sort." + d));
            direction.setAriaLabel(form.getTranslation("nodeSetting.sort"));
            field.setValue(row == null ? "id" : String.valueOf(row.getOrDefault("field", "id")));
            direction.setValue(row != null && "desc".equals(row.get("direction")) ? "desc" : "asc");
            return new SettingRows.Row<>(List.of(field, direction), () -> field.getValue() == null || field.getValue().isBlank() ? null
                    : new LinkedHashMap<>(Map.of("field", field.getValue(), "direction", direction.getValue())));
        });
        form.reader("sort", rows::values);
        form.writer("sort", v -> rows.show(v instanceof List<?> list ? NodeSettingsForm.maps(list) : List.of()));
    }

    /** Values to write: a field, and a value in the field's own input (its options, yes or no), or a variable. */
    void values() {
        var rows = form.<Map.Entry<String, Object>>rows("values", "nodeSetting.values.add", row -> {
            var field = fieldBox();
            var slot = new Div();
            slot.addClassName("af-setting-slot");
            var input = new ValueInput[1];
            Runnable remake = () -> {
                String kept = input[0] != null ? input[0].value()
                        : row == null || row.getValue() == null ? "" : String.valueOf(row.getValue());
                input[0] = valueInput(field.getValue(), kept);
                slot.removeAll();
                slot.add(input[0].component());
            };
            field.setValue(row == null ? null : row.getKey());
            remake.run();
            field.addValueChangeListener(e -> remake.run());
            return new SettingRows.Row<>(List.of(field, slot), () -> field.getValue() == null || field.getValue().isBlank() ? null
                    : Map.entry(field.getValue(), unchanged(row == null ? null : row.getValue(), input[0].value())),
                    () -> input[0].check());
        });
        form.reader("values", () -> {
            var values = new LinkedHashMap<String, Object>();
            rows.values().forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
        form.writer("values", v -> rows.show(v instanceof Map<?, ?> map ? NodeSettingsForm.entries(map) : List.of()));
    }

    /** The input of one value to write, made for its field; what it holds, and whether the field can hold it. */
    private record ValueInput(Component component, Supplier<String> reader, Supplier<Boolean> checker) {

        String value() {
            return reader.get();
        }

        boolean check() {
            return checker.get();
        }
    }

    private ValueInput valueInput(String fieldName, String initial) {
        var field = fieldNamed(fieldName);
        String variableHint = form.getTranslation("nodeSetting.values.value", VARIABLE);
        var type = field.map(FieldDefinition::type).orElse(null);
        if (type == FieldType.SINGLE_SELECT || type == FieldType.BOOLEAN) {
            // a choice among the field's values, or a variable typed or picked
            var choice = new ComboBox<String>();
            List<String> options = type == FieldType.BOOLEAN ? List.of("true", "false") : field.get().options();
            choice.setItems(options);
            choice.setItemLabelGenerator(o -> type == FieldType.BOOLEAN && options.contains(o)
                    ? form.getTranslation("true".equals(o) ? "common.yes" : "common.no") : o);
            choice.setAllowCustomValue(true);
            choice.addCustomValueSetListener(e -> choice.setValue(e.getDetail()));
            choice.addClassName("af-setting-value");
            choice.setPlaceholder(variableHint);
            choice.setAriaLabel(variableHint);
            choice.setValue(initial == null || initial.isEmpty() ? null : initial);
            var picker = new VariablePicker(environment.variables(), choice::setValue);
            var line = new HorizontalLayout(choice, picker);
            line.setSpacing(false);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            return new ValueInput(line, () -> choice.getValue() == null ? "" : choice.getValue(), () -> {
                boolean ok = choice.getValue() == null || choice.getValue().contains("{{") || options.contains(choice.getValue());
                choice.setInvalid(!ok);
                choice.setErrorMessage(ok ? null : form.getTranslation("nodeSetting.values.notAnOption"));
                return ok;
            });
        }
        var text = new TextField();
        text.addClassName("af-setting-value");
        text.setPlaceholder(placeholder(type, variableHint));
        text.setAriaLabel(variableHint);
        text.setValue(initial == null ? "" : initial);
        text.setSuffixComponent(VariablePicker.into(text, environment.variables(), false));
        return new ValueInput(text, text::getValue, () -> {
            String value = text.getValue();
            var problems = value.isBlank() || value.contains("{{") || field.isEmpty() ? List.<FieldError>of()
                    : field.get().problems(value).stream().filter(p -> !p.messageKey().equals("validation.required")).toList();
            text.setInvalid(!problems.isEmpty());
            text.setErrorMessage(problems.isEmpty() ? null : problems.stream()
                    .map(p -> new Text(p.messageKey(), p.args()).format(form::getTranslation))
                    .collect(Collectors.joining(" ")));
            return problems.isEmpty();
        });
    }

    private String placeholder(FieldType type, String variableHint) {
        if (type == null) {
            return variableHint;
        }
        return switch (type) {
            case INTEGER, DECIMAL, DATE, DATETIME, MANY_TO_ONE -> form.getTranslation("nodeSetting.values.example."
                    + type.name().toLowerCase(Locale.ROOT), VARIABLE);
            default -> variableHint;
        };
    }

    private Optional<FieldDefinition> fieldNamed(String name) {
        String chosen = collection != null ? collection.getValue() : triggerCollection;
        if (chosen == null || name == null) {
            return Optional.empty();
        }
        return collections.find(chosen).flatMap(c -> c.field(name)).filter(f -> f.type().hasColumn());
    }

    private ComboBox<String> fieldBox() {
        var field = new ComboBox<String>();
        field.setItems(fieldNames());
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(e -> field.setValue(e.getDetail()));
        // by title; a name typed by hand (or a variable) as it is
        field.setItemLabelGenerator(n -> "id".equals(n) ? form.getTranslation("variables.id")
                : FieldLabels.of(collections.find(collection != null ? collection.getValue() : triggerCollection).orElse(null), n));
        field.setPlaceholder(form.getTranslation("nodeSetting.field"));
        field.setAriaLabel(form.getTranslation("nodeSetting.field"));
        field.addClassName("af-setting-field");
        onCollectionChange.add(() -> {
            String kept = field.getValue();
            field.setItems(fieldNames());
            field.setValue(kept);
        });
        return field;
    }

    /** The value as it was stored (a number, say) when the input shows it unchanged; otherwise the text typed. */
    private static Object unchanged(Object stored, String shown) {
        return stored != null && !(stored instanceof String) && String.valueOf(stored).equals(shown) ? stored : shown;
    }
}
