package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.platform.ui.Confirmations;
import io.actionflow.platform.ui.Notices;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.Webhooks;
import java.util.Map;

/**
 * Above a webhook workflow's canvas: the address other systems call, copyable; making the secret (or a new one), shown
 * this once; and a test delivery through the same checks as a real call, answered in a notice.
 */
final class WebhookPanel extends Composite<Div> {

    private final Webhooks webhooks;
    private final WorkflowDefinition workflow;

    WebhookPanel(Webhooks webhooks, WorkflowDefinition workflow) {
        this.webhooks = webhooks;
        this.workflow = workflow;
        getContent().addClassName("af-webhook-panel");
        draw();
    }

    private void draw() {
        var root = getContent();
        root.removeAll();
        root.add(new Span(getTranslation("webhook.panel.title")));
        var hook = webhooks.hook(workflow.key());
        if (hook == null) {
            var make = new Button(getTranslation("webhook.panel.make"), VaadinIcon.KEY.create(), e -> renew());
            make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            make.setDisableOnClick(true);
            root.add(new Span(getTranslation("webhook.panel.none")), make);
            return;
        }
        var url = copyable(address(hook.hookKey()), "af-webhook-url");
        var renew = new Button(getTranslation("webhook.panel.renew"), VaadinIcon.REFRESH.create(), e ->
                Confirmations.destructive(this, getTranslation("webhook.panel.renew"), getTranslation("webhook.panel.renew.confirm"),
                        getTranslation("webhook.panel.renew"), this::renew).open());
        renew.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var test = new Button(getTranslation("webhook.panel.test"), VaadinIcon.PAPERPLANE.create(), e -> test());
        test.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        test.setDisableOnClick(true);
        var buttons = new Div(renew, test);
        buttons.addClassName("af-webhook-actions");
        root.add(url, buttons);
    }

    /**
     * Makes a new secret and shows it in a dialog of its own, until the admin closes it: shown in the panel, it went
     * with the next redraw of the editor (Enable), before anyone had copied it.
     */
    private void renew() {
        var hook = webhooks.renew(workflow.key());
        draw();
        var secret = copyable(hook.secret(), "af-webhook-secret");
        secret.setHelperText(getTranslation("webhook.panel.secret"));
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("webhook.panel.secretTitle"));
        dialog.addClassName("af-dialog");
        dialog.setWidth("min(560px, 95vw)");
        dialog.setCloseOnOutsideClick(false);
        dialog.add(secret);
        var done = new Button(getTranslation("webhook.panel.done"), e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private void test() {
        if (!workflow.enabled()) {
            Notices.error(getTranslation("webhook.panel.enableFirst"));
            draw();
            return;
        }
        var answer = webhooks.test(workflow.key(), Map.of("test", true));
        String said = answer.refusal() != null
                ? answer.refusal().format((key, args) -> getTranslation(key, args))
                : json(answer.body());
        String line = getTranslation("webhook.panel.tested", answer.status(), said);
        if (answer.status() < 300) {
            Notices.success(line);
        } else {
            Notices.error(line);
        }
        draw();
    }

    /** The answer's body as its caller reads it: JSON, cut short when long. */
    private static String json(Object body) {
        String text = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** A read-only field with a Copy button that puts its value on the clipboard. */
    private TextField copyable(String value, String className) {
        var field = new TextField();
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName(className);
        var copy = new Button(VaadinIcon.COPY.create());
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel(getTranslation("webhook.panel.copy"));
        copy.setTooltipText(getTranslation("webhook.panel.copy"));
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", value); // i18n: not user-facing
            Notices.success(getTranslation("webhook.panel.copied"));
        });
        field.setSuffixComponent(copy);
        return field;
    }

    /** The hook's full address, as this server was reached. */
    private static String address(String hookKey) {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        String base = "";
        if (request != null) {
            var http = request.getHttpServletRequest();
            base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(http).toUriString();
        }
        return base + "/api/webhooks/" + hookKey;
    }
}
