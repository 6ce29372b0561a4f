package io.actionflow.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.workflow.JobView;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.nodes.SwitchNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's settings: its type (when new), title, and settings as JSON, with variables such as
 * {@code {{$context.data.amount}}}. With a result, also what the node got and gave and what went wrong.
 */
final class NodeDialog extends FormDialog {

    private final JsonMapper json;
    private final NodeDef existing;
    private final Consumer<NodeDef> onSave;
    private final Select<String> type = new Select<>();
    /** As long as a node's name on the canvas may be (the workflow's check says so too). */
    static final int TITLE_MAX = 200;

    private final TextField title = new TextField();
    private final TextArea settings = new TextArea();
    private final Checkbox asJson = new Checkbox();
    private final Div formArea = new Div();
    private final NodeEnvironment environment;
    private NodeSettingsForm settingsForm;
    private final String newKey;

    NodeDialog(JsonMapper json, NodeEnvironment environment, Collection<String> types,
            NodeDef existing, String newKey, JobView result, boolean editable, Consumer<NodeDef> onSave, Runnable onDelete) {
        super(null);
        this.json = json;
        this.environment = environment;
        this.existing = existing;
        this.newKey = newKey;
        this.onSave = onSave;
        setHeaderTitle(existing == null ? getTranslation("workflows.node.add")
                : getTranslation("workflows.node.edit", existing.title() != null ? existing.title() : existing.key()));
        setWidth("min(720px, 95vw)");
        type.setLabel(getTranslation("workflows.node.type"));
        type.setItems(types.stream().sorted().toList());
        type.setItemLabelGenerator(t -> getTranslation("nodeType." + t.replace("-", "_")));
        title.setLabel(getTranslation("workflows.node.title"));
        title.setMaxLength(TITLE_MAX);
        settings.setLabel(getTranslation("workflows.node.settings"));
        settings.setHelperText(getTranslation("workflows.node.settings.help", "{{$context.data.amount}}",
                "{{$jobsMapByNodeKey.query1.title}}"));
        settings.setMinHeight("10em");
        settings.addClassName("af-code");
        asJson.setLabel(getTranslation("workflows.node.asJson"));
        asJson.addValueChangeListener(e -> switchEditor(e.getValue()));
        settings.setVisible(false);
        errors.bind("type", type).bind("settings", settings).bind("setting.title", title);
        form.add(type, title, formArea, settings, asJson);
        if (existing == null) {
            type.addValueChangeListener(e -> showForm(e.getValue(), parse(example(e.getValue(), operatorKnown()))));
            type.setValue("condition");
        } else {
            type.setValue(existing.type());
            type.setReadOnly(true);
            title.setValue(existing.title() == null ? "" : existing.title());
            showForm(existing.type(), existing.config());
            if (editable) {
                var delete = new Button(getTranslation("workflows.node.delete"), e -> {
                    onDelete.run();
                    close();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                getFooter().addComponentAsFirst(delete);
            }
        }
        if (result != null) {
            var shown = new Pre(getTranslation("workflows.node.result", result.status().name(), result.durationMicros())
                    + "\n" + getTranslation("workflows.node.input") + " " + json.writeValueAsString(result.input())
                    + "\n" + getTranslation("workflows.node.output") + " " + json.writeValueAsString(result.output())
                    + (result.error() == null ? "" : "\n" + getTranslation("workflows.node.error") + " "
                            + io.actionflow.platform.Text.format(result.error(), this::getTranslation)));
            shown.addClassName("af-job-result");
            add(shown);
        }
        settings.setReadOnly(!editable);
        title.setReadOnly(!editable);
        formArea.setEnabled(editable);
    }

    private void showForm(String nodeType, Map<String, Object> config) {
        formArea.removeAll();
        settingsForm = new NodeSettingsForm(environment, nodeType == null ? "" : nodeType, config);
        settingsForm.inputs().forEach((setting, input) -> errors.bind("setting." + setting, input));
        formArea.add(settingsForm);
        settings.setValue(json.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        if (asJson.getValue()) {
            formArea.setVisible(false);
        }
    }

    /** Between the form and the JSON text: what one holds is carried over to the other. */
    private void switchEditor(boolean toJson) {
        if (toJson) {
            settings.setValue(json.writerWithDefaultPrettyPrinter().writeValueAsString(settingsForm.value()));
        } else {
            try {
                settingsForm.fill(readSettings());
            } catch (ValidationException refused) {
                errors.show(refused);
                asJson.setValue(true);
                return;
            }
        }
        settings.setVisible(toJson);
        formArea.setVisible(!toJson);
    }

    private Map<String, Object> parse(String text) {
        Object parsed = json.readValue(text, Object.class);
        var config = new LinkedHashMap<String, Object>();
        if (parsed instanceof Map<?, ?> map) {
            map.forEach((k, v) -> config.put(String.valueOf(k), v));
        }
        return config;
    }

    private Map<String, Object> readSettings() {
        try {
            Object parsed = json.readValue(settings.getValue().isBlank() ? "{}" : settings.getValue(), Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new ValidationException(FieldError.of("settings", "workflows.node.settings.object"));
            }
            var config = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> config.put(String.valueOf(k), v));
            return config;
        } catch (tools.jackson.core.JacksonException e) {
            // where, not the parser's own words
            var at = e.getLocation();
            throw new ValidationException(FieldError.of("settings", "workflows.node.settings.invalidAt",
                    at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr()));
        }
    }

    @Override
    protected void save() {
        if (!asJson.getValue() && !settingsForm.check()) {
            throw new ValidationException(FieldError.of("form", "workflows.node.values.invalid"));
        }
        Map<String, Object> config = asJson.getValue() ? readSettings() : settingsForm.value();
        String chosen = type.getValue();
        if (chosen == null) {
            throw new ValidationException(FieldError.of("type", "validation.required"));
        }
        String nodeTitle = title.getValue().isBlank() ? null : title.getValue().strip();
        var node = existing != null
                ? new NodeDef(existing.key(), existing.type(), nodeTitle, config, keptBranches(existing, config))
                : new NodeDef(newKey, chosen, nodeTitle, config, branchesFor(chosen, config));
        try {
            onSave.accept(node);
        } catch (ValidationException refused) {
            // a refusal of one of this node's settings is shown on its input (or on the JSON)
            throw new ValidationException(refused.errors().stream().map(e -> e.field().startsWith("nodes.")
                    ? new FieldError(asJson.getValue() ? "settings" : "setting." + e.field().substring(e.field().lastIndexOf('.') + 1),
                            e.messageKey(), e.args())
                    : e).toList());
        }
    }

    /**
     * The branches a node's settings now ask for, added to those it has. Nodes in a branch are never dropped here; an
     * empty branch of a case no longer there is.
     */
    private static Map<String, List<NodeDef>> keptBranches(NodeDef existing, Map<String, Object> config) {
        var branches = new HashMap<>(branchesFor(existing.type(), config));
        existing.branches().forEach((name, chain) -> {
            if (!"switch".equals(existing.type()) || !chain.isEmpty() || branches.containsKey(name)) {
                branches.put(name, chain);
            }
        });
        return branches;
    }

    private static Map<String, List<NodeDef>> branchesFor(String type, Map<String, Object> config) {
        if ("loop".equals(type)) {
            return Map.of("body", List.of());
        }
        if ("switch".equals(type)) {
            var branches = new HashMap<String, List<NodeDef>>();
            SwitchNode.branches(config).forEach(name -> branches.put(name, List.of()));
            return branches;
        }
        if ("condition".equals(type) && !"continue".equals(config.get("mode"))) {
            return Map.of("yes", List.of(), "no", List.of());
        }
        if ("manual".equals(type) && config.get("timeout") != null && !String.valueOf(config.get("timeout")).isBlank()) {
            return Map.of("timeout", List.of());
        }
        if ("approval".equals(type) && "branch".equals(config.get("onReject"))) {
            return Map.of("approved", List.of(), "rejected", List.of());
        }
        return Map.of();
    }

    /** Whether someone started the workflow this node is in (a click, a call), so that it names the operator. */
    private boolean operatorKnown() {
        return environment.variables().stream().flatMap(g -> g.variables().stream())
                .anyMatch(v -> "$context.user.username".equals(v.path()));
    }

    /**
     * A starting point for each type's settings; a notification goes to whoever started the workflow, when someone
     * did (a schedule or a webhook has nobody to name).
     */
    private static String example(String type, boolean operator) {
        return switch (type == null ? "" : type) {
            case "condition" -> "{\n  \"mode\": \"branch\"\n}";
            case "loop" -> "{\n  \"target\": \"\"\n}";
            case "switch" -> "{\n  \"cases\": [\n    {\"key\": \"case1\", \"title\": \"Large\", \"when\": \"{{$context.data.amount}} > 500\"}\n  ]\n}"; // i18n: not user-facing
            case "calculation" -> "{}";
            case "query" -> "{\n  \"collection\": \"\",\n  \"filter\": [],\n  \"multiple\": false\n}";
            case "create" -> "{\n  \"collection\": \"\",\n  \"values\": {}\n}";
            // no filter to start with: one that named the submitted record's id would point at another collection's record
            case "update" -> "{\n  \"collection\": \"\",\n  \"filter\": [],\n  \"values\": {}\n}";
            case "destroy" -> "{\n  \"collection\": \"\",\n  \"filter\": []\n}";
            case "end" -> "{\n  \"status\": \"success\"\n}";
            case "response-message" -> "{\n  \"message\": \"\"\n}";
            case "webhook-response" -> "{\n  \"code\": 200,\n  \"body\": {}\n}";
            case "request" -> "{\n  \"method\": \"POST\",\n  \"url\": \"\",\n  \"headers\": {},\n  \"body\": \"\",\n  \"timeoutMs\": 5000\n}";
            case "delay" -> "{\n  \"duration\": \"PT10M\"\n}";
            case "update-submitted" -> "{\n  \"values\": {}\n}";
            case "approval" -> "{\n  \"role\": \"admin\",\n  \"agreement\": \"any\",\n  \"order\": \"parallel\",\n  \"onReject\": \"end\"\n}";
            case "notification" -> operator ? "{\n  \"users\": [\"{{$context.user.username}}\"],\n  \"title\": \"\",\n  \"message\": \"\"\n}"
                    : "{\n  \"users\": [],\n  \"title\": \"\",\n  \"message\": \"\"\n}";
            case "manual" -> "{\n  \"assignees\": [],\n  \"role\": \"admin\",\n  \"mode\": \"any\",\n  \"title\": \"\",\n  \"fields\": [\n"
                    + "    {\"name\": \"note\", \"title\": \"Note\", \"type\": \"text\", \"required\": true}\n  ]\n}"; // i18n: not user-facing
            case "email" -> "{\n  \"to\": [],\n  \"cc\": [],\n  \"subject\": \"\",\n  \"format\": \"text\",\n  \"body\": \"\"\n}";
            default -> "{}";
        };
    }
}
