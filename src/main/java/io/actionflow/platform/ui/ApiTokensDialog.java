package io.actionflow.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.platform.ApiToken;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.ValidationException;
import java.time.Clock;
import io.actionflow.platform.ApiTokenDraft;

/**
 * A user's personal API tokens: make one with a name (its secret is shown once, to copy), see when each was last used,
 * revoke one. Users open it for themselves from the profile menu; admins for anyone from the user list.
 */
final class ApiTokensDialog extends Dialog {

    private final ApiTokens tokens;
    private final String username;
    private final Clock clock;
    private final Grid<ApiToken> grid = new Grid<>();
    private final TextField name = new TextField();
    private final DraftChecks<ApiTokenDraft> checks =
            new DraftChecks<>(ApiTokenDraft.class).field("name", name);
    private final Div issued = new Div();

    ApiTokensDialog(ApiTokens tokens, String username, Clock clock) {
        this.tokens = tokens;
        this.username = username;
        this.clock = clock;
        setHeaderTitle(getTranslation("apiTokens.title", username));
        setWidth("min(56rem, 95vw)");
        addClassName("af-api-tokens");

        var help = new Span(getTranslation("apiTokens.help"));
        help.addClassName("af-muted");
        name.setLabel(getTranslation("apiTokens.name"));
        name.setPlaceholder(getTranslation("apiTokens.name.placeholder"));
        name.setMaxLength(100);
        var create = new Button(getTranslation("apiTokens.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(e -> create.setEnabled(true));
        name.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> create.click());
        var form = new Div(name, create);
        form.addClassName("af-api-token-form");
        issued.addClassName("af-api-token-issued");
        issued.setVisible(false);

        grid.addColumn(ApiToken::name).setHeader(getTranslation("apiTokens.column.name")).setFlexGrow(2);
        grid.addColumn(t -> t.hint() + "…").setHeader(getTranslation("apiTokens.column.token")).setAutoWidth(true);
        grid.addColumn(t -> Times.format(t.createdAt(), getLocale())).setHeader(getTranslation("apiTokens.column.created")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("apiTokens.never") : Times.format(t.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("apiTokens.column.lastUsed")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("apiTokens.column.state")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("apiTokens.empty"));
        add(help, form, issued, grid);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        refresh();
    }

    private com.vaadin.flow.component.Component state(ApiToken token) {
        if (!token.active(clock.instant())) {
            var revoked = new Span(getTranslation("apiTokens.revoked"));
            revoked.addClassName("af-muted");
            return revoked;
        }
        var revoke = new Button(getTranslation("apiTokens.revoke"), e -> Confirmations.destructive(this,
                getTranslation("apiTokens.revoke.title"), getTranslation("apiTokens.revoke.text", token.name()),
                getTranslation("apiTokens.revoke"), () -> {
                    tokens.revoke(token.id());
                    Notices.success(getTranslation("apiTokens.revoked.done", token.name()));
                    refresh();
                }).open());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private void create() {
        if (!checks.valid()) {
            return;
        }
        try {
            var made = tokens.create(username, name.getValue());
            name.clear();
            name.setInvalid(false);
            issued.removeAll();
            var secret = new TextField(getTranslation("apiTokens.secret"));
            secret.setValue(made.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            secret.addClassName("af-code");
            var once = new Span(getTranslation("apiTokens.secret.once"));
            once.addClassName("af-muted");
            issued.add(secret, once);
            issued.setVisible(true);
            refresh();
        } catch (ValidationException refused) {
            name.setInvalid(true);
            name.setErrorMessage(new io.actionflow.platform.Text(refused.errors().getFirst().messageKey(),
                    refused.errors().getFirst().args()).format(this::getTranslation));
        }
    }

    private void refresh() {
        grid.setItems(tokens.list(username));
    }
}
