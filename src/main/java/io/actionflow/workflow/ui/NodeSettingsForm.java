package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's settings as a form made for its type: collections and fields to pick, conditions and values as rows,
 * expressions and texts with variables. It reads a settings map and gives one back; settings it does not know are
 * kept as they were.
 */
final class NodeSettingsForm extends FormLayout {

    private static final List<String> OPERATORS = List.of("eq", "ne", "contains", "gt", "ge", "lt", "le", "empty", "notEmpty", "in");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final CollectionService collections;
    private final Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    private final List<Runnable> onCollectionChange = new ArrayList<>();
    private Map<String, Object> original = Map.of();
    private ComboBox<String> collection;

    /** The collection of the workflow's trigger: the fields an Update submitted data node offers. */
    private final String triggerCollection;

    NodeSettingsForm(CollectionService collections, String type, Map<String, Object> config, String triggerCollection) {
        this.collections = collections;
        this.triggerCollection = triggerCollection;
        setResponsiveSteps(new ResponsiveStep("0", 1));
        addClassName("af-node-form");
        build(type);
        fill(config);
    }

    /** The settings as the form holds them, with any setting the form does not show kept. */
    Map<String, Object> value() {
        var config = new LinkedHashMap<>(original);
        readers.forEach((name, reader) -> {
            Object value = reader.get();
            if (value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty()) {
                config.remove(name);
            } else {
                config.put(name, value);
            }
        });
        return config;
    }

    private final Map<String, Consumer<Object>> writers = new LinkedHashMap<>();

    void fill(Map<String, Object> config) {
        original = config == null ? Map.of() : config;
        writers.forEach((name, writer) -> writer.accept(original.get(name)));
        onCollectionChange.forEach(Runnable::run);
    }

    private void build(String type) {
        switch (type) {
            case "condition" -> {
                expression("expression", "{{$context.data.amount}} > 100"); // i18n: not user-facing
                choice("mode", List.of("branch", "continue"));
            }
            case "calculation" -> expression("expression", "{{$context.data.amount}} * 2"); // i18n: not user-facing
            case "loop" -> text("target", false);
            case "query" -> {
                collection();
                conditions();
                sorts();
                checkbox("multiple");
                number("limit");
            }
            case "create" -> {
                collection();
                values();
            }
            case "update" -> {
                collection();
                conditions();
                values();
            }
            case "destroy" -> {
                collection();
                conditions();
            }
            case "end" -> choice("status", List.of("success", "fail"));
            case "response-message" -> text("message", true);
            case "request" -> {
                choice("method", METHODS);
                text("url", false);
                pairs("headers", "name", "value");
                text("body", true);
                number("timeoutMs");
            }
            case "delay" -> text("duration", false);
            case "update-submitted" -> values();
            case "approval" -> {
                lines("approvers");
                choice("role", List.of("none", "admin", "member"));
                text("approversFrom", false);
                choice("agreement", List.of("any", "all", "percent"));
                number("percent");
                choice("order", List.of("parallel", "sequential"));
                lines("editableFields");
                checkbox("submitterMayApprove");
                choice("onReject", List.of("end", "branch"));
            }
            case "notification" -> {
                lines("users");
                text("title", false);
                text("message", true);
            }
            default -> { }
        }
    }

    private String label(String setting) {
        return getTranslation("nodeSetting." + setting);
    }

    /** Variables shown in help texts and placeholders (they cannot be in the message bundles, which use braces). */
    private static final Map<String, String> EXAMPLES = Map.of("target", "{{$context.data.lines}}",
            "message", "{{$context.data.title}}", "users", "{{$context.user.username}}",
            "approversFrom", "{{$context.data.manager}}");
    private static final String VARIABLE = "{{$context.data.name}}";

    private String help(String setting) {
        String key = "nodeSetting." + setting + ".help";
        String text = getTranslation(key, EXAMPLES.getOrDefault(setting, ""));
        return text.equals(key) || text.startsWith("!") ? null : text;
    }

    private <C extends Component & HasValue<?, ?>> C labelled(C field, String setting) {
        if (field instanceof com.vaadin.flow.component.HasLabel labelled) {
            labelled.setLabel(label(setting));
        }
        if (field instanceof com.vaadin.flow.component.HasHelper helped && help(setting) != null) {
            helped.setHelperText(help(setting));
        }
        field.getElement().setAttribute("data-setting", setting);
        add(field);
        return field;
    }

    private void expression(String setting, String example) {
        var field = labelled(new TextField(), setting);
        field.setPlaceholder(example);
        field.addClassName("af-code");
        field.setWidthFull();
        readers.put(setting, field::getValue);
        writers.put(setting, v -> field.setValue(v == null ? "" : String.valueOf(v)));
    }

    private void text(String setting, boolean multiline) {
        HasValue<?, String> field = multiline ? labelled(new TextArea(), setting) : labelled(new TextField(), setting);
        readers.put(setting, field::getValue);
        writers.put(setting, v -> field.setValue(v == null ? "" : String.valueOf(v)));
    }

    private void number(String setting) {
        var field = labelled(new IntegerField(), setting);
        field.setMin(0);
        readers.put(setting, field::getValue);
        writers.put(setting, v -> field.setValue(v instanceof Number n ? Integer.valueOf(n.intValue())
                : v != null && String.valueOf(v).strip().matches("\\d{1,9}") ? Integer.valueOf(String.valueOf(v).strip()) : null));
    }

    private void checkbox(String setting) {
        var field = new Checkbox(label(setting));
        field.getElement().setAttribute("data-setting", setting);
        add(field);
        readers.put(setting, () -> field.getValue() ? Boolean.TRUE : null);
        writers.put(setting, v -> field.setValue(Boolean.parseBoolean(String.valueOf(v))));
    }

    private void choice(String setting, List<String> options) {
        var field = labelled(new Select<String>(), setting);
        field.setItems(options);
        field.setItemLabelGenerator(o -> getTranslation("nodeSetting." + setting + "." + o));
        readers.put(setting, field::getValue);
        writers.put(setting, v -> field.setValue(v != null && options.contains(String.valueOf(v)) ? String.valueOf(v) : options.getFirst()));
    }

    private void collection() {
        collection = labelled(new ComboBox<String>(), "collection");
        var all = collections.list().stream().filter(c -> !c.builtIn()).toList();
        collection.setItems(all.stream().map(CollectionDefinition::name).toList());
        collection.setItemLabelGenerator(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                .map(c -> c.title() + " (" + c.name() + ")").orElse(n));
        // a collection can also come from a variable
        collection.setAllowCustomValue(true);
        collection.addCustomValueSetListener(e -> collection.setValue(e.getDetail()));
        collection.addValueChangeListener(e -> onCollectionChange.forEach(Runnable::run));
        readers.put("collection", collection::getValue);
        writers.put("collection", v -> collection.setValue(v == null ? null : String.valueOf(v)));
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
    private void conditions() {
        var rows = new Rows<Map<String, Object>>("filter", "nodeSetting.filter.add", row -> {
            var field = fieldBox();
            var op = new Select<String>();
            op.setItems(OPERATORS);
            op.setItemLabelGenerator(o -> getTranslation("filter.op." + ("notEmpty".equals(o) ? "not_empty" : o)));
            op.setAriaLabel(getTranslation("nodeSetting.filter.op"));
            var value = new TextField();
            value.setPlaceholder(getTranslation("nodeSetting.filter.value", VARIABLE));
            value.setAriaLabel(getTranslation("nodeSetting.filter.value", VARIABLE));
            value.addClassName("af-setting-value");
            field.setValue(row == null ? "id" : String.valueOf(row.getOrDefault("field", "id")));
            op.setValue(row == null || row.get("op") == null ? "eq" : OPERATORS.contains(String.valueOf(row.get("op"))) ? String.valueOf(row.get("op")) : "eq");
            value.setValue(row == null || row.get("value") == null ? "" : String.valueOf(row.get("value")));
            return new Row<>(List.of(field, op, value), () -> {
                var condition = new LinkedHashMap<String, Object>();
                condition.put("field", field.getValue());
                condition.put("op", op.getValue());
                condition.put("value", value.getValue());
                return field.getValue() == null || field.getValue().isBlank() ? null : condition;
            });
        });
        readers.put("filter", rows::values);
        writers.put("filter", v -> rows.show(v instanceof List<?> list ? maps(list) : List.of()));
    }

    private void sorts() {
        var rows = new Rows<Map<String, Object>>("sort", "nodeSetting.sort.add", row -> {
            var field = fieldBox();
            var direction = new Select<String>();
            direction.setItems("asc", "desc");
            direction.setItemLabelGenerator(d -> getTranslation("nodeSetting.sort." + d));
            direction.setAriaLabel(getTranslation("nodeSetting.sort"));
            field.setValue(row == null ? "id" : String.valueOf(row.getOrDefault("field", "id")));
            direction.setValue(row != null && "desc".equals(row.get("direction")) ? "desc" : "asc");
            return new Row<>(List.of(field, direction), () -> field.getValue() == null || field.getValue().isBlank() ? null
                    : new LinkedHashMap<>(Map.of("field", field.getValue(), "direction", direction.getValue())));
        });
        readers.put("sort", rows::values);
        writers.put("sort", v -> rows.show(v instanceof List<?> list ? maps(list) : List.of()));
    }

    /** Values to write: field → text with variables. */
    private void values() {
        var rows = new Rows<Map.Entry<String, Object>>("values", "nodeSetting.values.add", row -> {
            var field = fieldBox();
            var value = new TextField();
            value.setPlaceholder(getTranslation("nodeSetting.values.value", VARIABLE));
            value.setAriaLabel(getTranslation("nodeSetting.values.value", VARIABLE));
            value.addClassName("af-setting-value");
            field.setValue(row == null ? null : row.getKey());
            value.setValue(row == null || row.getValue() == null ? "" : String.valueOf(row.getValue()));
            return new Row<>(List.of(field, value), () -> field.getValue() == null || field.getValue().isBlank() ? null
                    : Map.entry(field.getValue(), (Object) value.getValue()));
        });
        readers.put("values", () -> {
            var values = new LinkedHashMap<String, Object>();
            rows.values().forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
        writers.put("values", v -> rows.show(v instanceof Map<?, ?> map ? entries(map) : List.of()));
    }

    private void pairs(String setting, String keyLabel, String valueLabel) {
        var rows = new Rows<Map.Entry<String, Object>>(setting, "nodeSetting." + setting + ".add", row -> {
            var name = new TextField();
            name.setPlaceholder(getTranslation("nodeSetting." + setting + "." + keyLabel));
            name.setAriaLabel(getTranslation("nodeSetting." + setting + "." + keyLabel));
            var value = new TextField();
            value.setPlaceholder(getTranslation("nodeSetting." + setting + "." + valueLabel));
            value.setAriaLabel(getTranslation("nodeSetting." + setting + "." + valueLabel));
            name.setValue(row == null ? "" : row.getKey());
            value.setValue(row == null || row.getValue() == null ? "" : String.valueOf(row.getValue()));
            return new Row<>(List.of(name, value), () -> name.getValue().isBlank() ? null : Map.entry(name.getValue().strip(), (Object) value.getValue()));
        });
        readers.put(setting, () -> {
            var values = new LinkedHashMap<String, Object>();
            rows.values().forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
        writers.put(setting, v -> rows.show(v instanceof Map<?, ?> map ? entries(map) : List.of()));
    }

    /** A list of texts, one per line. */
    private void lines(String setting) {
        var field = labelled(new TextArea(), setting);
        readers.put(setting, () -> field.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        writers.put(setting, v -> field.setValue(v instanceof List<?> list
                ? String.join("\n", list.stream().map(String::valueOf).toList()) : v == null ? "" : String.valueOf(v)));
    }

    private ComboBox<String> fieldBox() {
        var field = new ComboBox<String>();
        field.setItems(fieldNames());
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(e -> field.setValue(e.getDetail()));
        field.setPlaceholder(getTranslation("nodeSetting.field"));
        field.setAriaLabel(getTranslation("nodeSetting.field"));
        field.addClassName("af-setting-field");
        onCollectionChange.add(() -> {
            String kept = field.getValue();
            field.setItems(fieldNames());
            field.setValue(kept);
        });
        return field;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(List<?> list) {
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    private static List<Map.Entry<String, Object>> entries(Map<?, ?> map) {
        return map.entrySet().stream().map(e -> Map.entry(String.valueOf(e.getKey()), (Object) e.getValue())).toList();
    }

    /** One row of a list setting: its fields, and how to read it (null when it is empty). */
    private record Row<T>(List<Component> fields, Supplier<T> reader) {
    }

    /** Rows that can be added and removed, under a label. */
    private final class Rows<T> extends Div {

        private final Function<T, Row<T>> make;
        private final Div list = new Div();
        private final List<Row<T>> rows = new ArrayList<>();

        Rows(String setting, String addKey, Function<T, Row<T>> make) {
            this.make = make;
            addClassName("af-setting-rows");
            getElement().setAttribute("data-setting", setting);
            var title = new Span(label(setting));
            title.addClassName("af-setting-label");
            var add = new Button(getTranslation(addKey), VaadinIcon.PLUS.create(), e -> addRow(null));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            NodeSettingsForm.this.add(this);
            add(title, list, add);
        }

        void show(List<T> values) {
            list.removeAll();
            rows.clear();
            values.forEach(this::addRow);
        }

        private void addRow(T value) {
            var row = make.apply(value);
            rows.add(row);
            var line = new HorizontalLayout();
            line.addClassName("af-setting-row");
            row.fields().forEach(line::add);
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                rows.remove(row);
                list.remove(line);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("nodeSetting.remove"));
            line.add(remove);
            line.setWidthFull();
            list.add(line);
        }

        List<T> values() {
            return rows.stream().map(r -> r.reader().get()).filter(java.util.Objects::nonNull).toList();
        }
    }
}
