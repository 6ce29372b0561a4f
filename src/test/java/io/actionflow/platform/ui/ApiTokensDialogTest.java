package io.actionflow.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.platform.ApiToken;
import io.actionflow.platform.ApiTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member makes a named API token from the profile menu, sees its secret once, and revokes it. */
class ApiTokensDialogTest extends KaribuTest {

    @Autowired
    ApiTokens tokens;

    @Test
    @SuppressWarnings("unchecked")
    void a_member_creates_sees_and_revokes_a_token() {
        signIn("member");
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")), "API tokens");
        var dialog = _get(ApiTokensDialog.class);
        String name = "Nightly import " + UUID.randomUUID().toString().substring(0, 6);

        _click(_get(dialog, Button.class, spec -> spec.withText("Create token")));
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Name")).getErrorMessage()).isEqualTo("This field is required.");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), name);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create token")));

        String secret = _get(dialog, TextField.class, spec -> spec.withLabel("New token")).getValue();
        assertThat(secret).startsWith("af_");
        assertThat(tokens.caller(secret, null)).isInstanceOf(ApiTokens.Caller.Signed.class);
        Grid<ApiToken> grid = _get(dialog, Grid.class);
        int row = GridKt._findAll(grid).stream().map(ApiToken::name).toList().indexOf(name);
        assertThat(GridKt._getFormattedRow(grid, row)).contains(name, secret.substring(0, 9) + "…", "Never");

        _click((Button) GridKt._getCellComponent(grid, row, "state"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(tokens.caller(secret, null)).isInstanceOf(ApiTokens.Caller.Unknown.class);
        assertThat(GridKt._findAll(grid).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().revokedAt()).isNotNull();
    }
}
