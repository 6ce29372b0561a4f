package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final CollectionService collections;
    private final NodeEnvironment environment;
    private final Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    private final List<SettingRows<?>> rowSettings = new ArrayList<>();
    /** The input of each setting that has one, to show a refusal of that setting on. */
    private final Map<String, com.vaadin.flow.component.HasValidation> inputs = new LinkedHashMap<>();
    private Map<String, Object> original = Map.of();
    private final RecordSettings records;

    /** The collection of the workflow's trigger: the fields an Update submitted data node offers. */
    private final String triggerCollection;

    NodeSettingsForm(NodeEnvironment environment, String type, Map<String, Object> config) {
        this.environment = environment;
        this.collections = environment.collections();
        this.triggerCollection = environment.triggerCollection();
        this.records = new RecordSettings(this, environment);
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

    /**
     * Marks the inputs whose values their fields cannot hold (a word in a number field); whether all can. A value
     * holding a variable is checked when the node runs.
     */
    boolean check() {
        boolean valid = true;
        for (SettingRows<?> rows : rowSettings) {
            valid &= rows.check();
        }
        return valid;
    }

    private final Map<String, Consumer<Object>> writers = new LinkedHashMap<>();

    void fill(Map<String, Object> config) {
        original = config == null ? Map.of() : config;
        writers.forEach((name, writer) -> writer.accept(original.get(name)));
        records.collectionChanged();
    }

    /** How a setting is read from its input, and shown in it. */
    void reader(String setting, Supplier<Object> reader) {
        readers.put(setting, reader);
    }

    void writer(String setting, Consumer<Object> writer) {
        writers.put(setting, writer);
    }

    private void build(String type) {
        switch (type) {
            case "condition" -> {
                expression("expression", "{{$context.data.amount}} > 100"); // i18n: not user-facing
                choice("mode", List.of("branch", "continue"));
            }
            case "calculation" -> expression("expression", "{{$context.data.amount}} * 2"); // i18n: not user-facing
            case "loop" -> text("target", false);
            case "switch" -> cases();
            case "query" -> {
                records.collection();
                records.conditions();
                records.sorts();
                checkbox("multiple");
                number("limit");
            }
            case "create" -> {
                records.collection();
                records.values();
            }
            case "update" -> {
                records.collection();
                records.conditions();
                records.values();
            }
            case "destroy" -> {
                records.collection();
                records.conditions();
            }
            case "end" -> choice("status", List.of("success", "fail"));
            case "response-message" -> text("message", true);
            case "webhook-response" -> {
                number("code");
                pairs("body", "name", "value");
            }
            case "request" -> {
                choice("method", METHODS);
                text("url", false);
                pairs("headers", "name", "value");
                text("body", true);
                number("timeoutMs");
            }
            case "delay" -> text("duration", false);
            case "update-submitted" -> records.values();
            case "approval" -> {
                lines("approvers");
                roleChoice();
                text("approversFrom", false);
                choice("agreement", List.of("any", "all", "percent"));
                number("percent");
                choice("order", List.of("parallel", "sequential"));
                fieldChoice("editableFields");
                checkbox("submitterMayApprove");
                choice("onReject", List.of("end", "branch"));
            }
            case "manual" -> {
                lines("assignees");
                roleChoice();
                text("assigneesFrom", false);
                choice("mode", "manualMode", List.of("any", "all"));
                text("title", false).setLabel(label("taskTitle"));
                text("description", true);
                records.collection();
                formFields();
                text("timeout", false);
                text("remindAfter", false);
            }
            case "notification" -> {
                lines("users");
                text("title", false);
                text("message", true);
            }
            case "email" -> {
                lines("to");
                lines("cc");
                text("subject", false);
                choice("format", List.of("text", "html"));
                text("body", true);
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
            "approversFrom", "{{$context.data.manager}}", "to", "{{$context.data.email}}",
            "assigneesFrom", "{{$context.data.manager}}");

    private String help(String setting) {
        String key = "nodeSetting." + setting + ".help";
        String text = getTranslation(key, EXAMPLES.getOrDefault(setting, ""));
        return text.equals(key) || text.startsWith("!") ? null : text;
    }

    <C extends Component & HasValue<?, ?>> C labelled(C field, String setting) {
        if (field instanceof com.vaadin.flow.component.HasLabel labelled) {
            labelled.setLabel(label(setting));
        }
        if (field instanceof com.vaadin.flow.component.HasHelper helped && help(setting) != null) {
            helped.setHelperText(help(setting));
        }
        field.getElement().setAttribute("data-setting", setting);
        if (field instanceof com.vaadin.flow.component.HasValidation validated) {
            inputs.put(setting, validated);
        }
        add(field);
        return field;
    }

    Map<String, com.vaadin.flow.component.HasValidation> inputs() {
        return inputs;
    }

    private void expression(String setting, String example) {
        var field = labelled(new TextField(), setting);
        field.setPlaceholder(example);
        field.addClassName("af-code");
        field.setWidthFull();
        field.setSuffixComponent(VariablePicker.into(field, environment.variables(), false));
        readers.put(setting, field::getValue);
        writers.put(setting, v -> field.setValue(v == null ? "" : String.valueOf(v)));
    }

    private HasLabel text(String setting, boolean multiline) {
        if (multiline) {
            var area = labelled(new TextArea(), setting);
            area.setSuffixComponent(VariablePicker.into(area, environment.variables(), false));
            readers.put(setting, area::getValue);
            writers.put(setting, v -> area.setValue(v == null ? "" : String.valueOf(v)));
            return area;
        }
        var line = labelled(new TextField(), setting);
        line.setSuffixComponent(VariablePicker.into(line, environment.variables(), false));
        readers.put(setting, line::getValue);
        writers.put(setting, v -> line.setValue(v == null ? "" : String.valueOf(v)));
        return line;
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
        choice(setting, setting, options);
    }

    /** A choice whose label and options are named by {@code labels} (settings of the same name differ by node type). */
    private void choice(String setting, String labels, List<String> options) {
        var field = labelled(new Select<String>(), setting);
        field.setLabel(label(labels));
        field.setItems(options);
        field.setItemLabelGenerator(o -> getTranslation("nodeSetting." + labels + "." + o));
        // left out, a choice is its first option: it stays left out until changed, so saving as it was changes nothing
        readers.put(setting, () -> !original.containsKey(setting) && options.getFirst().equals(field.getValue()) ? null : field.getValue());
        writers.put(setting, v -> field.setValue(v != null && options.contains(String.valueOf(v)) ? String.valueOf(v) : options.getFirst()));
    }

    /** Everyone with a role: the workspace's roles, by name. */
    private void roleChoice() {
        var ids = new ArrayList<String>(List.of("none"));
        environment.roles().list().forEach(r -> ids.add(r.id()));
        var field = labelled(new Select<String>(), "role");
        field.setItems(ids);
        field.setItemLabelGenerator(id -> "none".equals(id) ? getTranslation("nodeSetting.role.none")
                : environment.roles().label(id, this::getTranslation));
        readers.put("role", () -> "none".equals(field.getValue()) ? null : field.getValue());
        writers.put("role", v -> {
            String id = v == null || String.valueOf(v).isBlank() ? "none" : String.valueOf(v);
            if (!ids.contains(id)) {
                // a role no longer there stays shown, for the check on saving to name it
                ids.add(id);
                field.setItems(ids);
            }
            field.setValue(id);
        });
    }

    /** Fields of the trigger's collection, picked by title. */
    private void fieldChoice(String setting) {
        var field = labelled(new com.vaadin.flow.component.combobox.MultiSelectComboBox<String>(), setting);
        var definition = triggerCollection == null ? null : collections.find(triggerCollection).orElse(null);
        var names = new ArrayList<String>(definition == null ? List.of()
                : definition.columnFields().stream().map(FieldDefinition::name).toList());
        field.setItems(names);
        field.setItemLabelGenerator(n -> FieldLabels.of(definition, n));
        field.setWidthFull();
        readers.put(setting, () -> names.stream().filter(field.getValue()::contains).toList());
        writers.put(setting, v -> {
            var chosen = v instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : v == null || String.valueOf(v).isBlank() ? List.<String>of() : String.valueOf(v).lines().map(String::strip).toList();
            chosen.stream().filter(n -> !names.contains(n)).forEach(names::add);
            field.setItems(names);
            field.setValue(new java.util.LinkedHashSet<>(chosen));
        });
    }

    private void pairs(String setting, String keyLabel, String valueLabel) {
        var rows = this.<Map.Entry<String, Object>>rows(setting, "nodeSetting." + setting + ".add", row -> {
            var name = new TextField();
            name.setPlaceholder(getTranslation("nodeSetting." + setting + "." + keyLabel));
            name.setAriaLabel(getTranslation("nodeSetting." + setting + "." + keyLabel));
            var value = new TextField();
            value.setPlaceholder(getTranslation("nodeSetting." + setting + "." + valueLabel));
            value.setAriaLabel(getTranslation("nodeSetting." + setting + "." + valueLabel));
            value.setSuffixComponent(VariablePicker.into(value, environment.variables(), false));
            name.setValue(row == null ? "" : row.getKey());
            value.setValue(row == null || row.getValue() == null ? "" : String.valueOf(row.getValue()));
            return new SettingRows.Row<>(List.of(name, value), () -> name.getValue().isBlank() ? null : Map.entry(name.getValue().strip(), (Object) value.getValue()));
        });
        readers.put(setting, () -> {
            var values = new LinkedHashMap<String, Object>();
            rows.values().forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
        writers.put(setting, v -> rows.show(v instanceof Map<?, ?> map ? entries(map) : List.of()));
    }

    /** A multi-way branch's cases, in order: a name and an expression each; a case keeps its key (its branch). */
    private void cases() {
        var keys = new CaseRow.Keys();
        var rows = this.<Map<String, Object>>rows("cases", "nodeSetting.cases.add", row -> CaseRow.make(row, keys, environment.variables()));
        readers.put("cases", rows::values);
        writers.put("cases", v -> {
            var shown = v instanceof List<?> list ? maps(list) : List.<Map<String, Object>>of();
            keys.after(shown);
            rows.show(shown);
        });
    }

    /** A Manual task's form: one row per field. */
    private void formFields() {
        var rows = this.<Map<String, Object>>rows("fields", "nodeSetting.fields.add", row -> FormFieldRow.make(row,
                records::chosen,
                environment.variables()));
        readers.put("fields", rows::values);
        writers.put("fields", v -> rows.show(v instanceof List<?> list ? maps(list) : List.of()));
    }

    /** A list of texts, one per line. */
    private void lines(String setting) {
        var field = labelled(new TextArea(), setting);
        field.setSuffixComponent(VariablePicker.into(field, environment.variables(), true));
        readers.put(setting, () -> field.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        writers.put(setting, v -> field.setValue(v instanceof List<?> list
                ? String.join("\n", list.stream().map(String::valueOf).toList()) : v == null ? "" : String.valueOf(v)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(List<?> list) {
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    static List<Map.Entry<String, Object>> entries(Map<?, ?> map) {
        return map.entrySet().stream().map(e -> Map.entry(String.valueOf(e.getKey()), (Object) e.getValue())).toList();
    }

    /** A list setting, placed in the form: its rows are read, checked and marked with the other settings. */
    <T> SettingRows<T> rows(String setting, String addKey, Function<T, SettingRows.Row<T>> make) {
        var rows = new SettingRows<T>(setting, label(setting), getTranslation(addKey), getTranslation("nodeSetting.remove"), make);
        add(rows);
        rowSettings.add(rows);
        inputs.put(setting, rows);
        return rows;
    }
}
