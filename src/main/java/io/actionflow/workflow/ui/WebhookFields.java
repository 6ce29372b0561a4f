package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.actionflow.platform.ui.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings of a webhook trigger in the workflow dialog: how callers prove the secret, GET too, headers passed on,
 * and how many calls a second it takes.
 */
final class WebhookFields {

    private final Select<String> auth = new Select<>();
    private final Checkbox get = new Checkbox();
    private final TextArea headers = new TextArea();
    private final IntegerField rate = new IntegerField();

    WebhookFields(Function<String, String> text) {
        auth.setLabel(text.apply("trigger.webhook.auth.label"));
        auth.setItems("hmac", "bearer");
        auth.setItemLabelGenerator(a -> text.apply("trigger.webhook.auth." + a));
        auth.setValue("hmac");
        get.setLabel(text.apply("trigger.webhook.get"));
        headers.setLabel(text.apply("trigger.webhook.headers.label"));
        headers.setHelperText(text.apply("trigger.webhook.headers.help"));
        headers.addClassName("af-code");
        rate.setLabel(text.apply("trigger.webhook.rate.label"));
        rate.setHelperText(text.apply("trigger.webhook.rate.help"));
        rate.setMin(1);
        rate.setMax(10_000);
        rate.setStepButtonsVisible(true);
    }

    List<Component> components() {
        return List.of(auth, get, headers, rate);
    }

    void bind(FieldErrors errors) {
        errors.bind("auth", auth).bind("headers", headers).bind("rate", rate);
    }

    void show(boolean visible) {
        components().forEach(c -> c.setVisible(visible));
    }

    void fill(Map<String, Object> config) {
        auth.setValue("bearer".equals(config.get("auth")) ? "bearer" : "hmac");
        get.setValue(config.get("methods") instanceof List<?> methods && methods.stream().anyMatch(m -> "GET".equalsIgnoreCase(String.valueOf(m))));
        headers.setValue(config.get("headers") instanceof List<?> names
                ? String.join("\n", names.stream().map(String::valueOf).toList()) : "");
        rate.setValue(config.get("rate") instanceof Integer given ? given : null);
    }

    Map<String, Object> write() {
        var config = new LinkedHashMap<String, Object>();
        config.put("auth", auth.getValue());
        config.put("methods", get.getValue() ? List.of("POST", "GET") : List.of("POST"));
        var names = new ArrayList<String>();
        for (String line : headers.getValue().split("[\\n,]")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (!names.isEmpty()) {
            config.put("headers", names);
        }
        if (rate.getValue() != null) {
            config.put("rate", rate.getValue());
        }
        return config;
    }
}
