package io.actionflow.platform.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;
import io.actionflow.platform.ValidationException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Collectors;

/** Admins list, find, create and edit accounts; disable them and reset their passwords. */
@Route("admin/users")
@RolesAllowed(Role.ADMIN_ID)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final Clock clock;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    private final io.actionflow.platform.ApiTokens tokens;

    private final io.actionflow.platform.Roles roles;

    UsersView(UserService users, Clock clock, io.actionflow.platform.ApiTokens tokens, io.actionflow.platform.Roles roles) {
        this.roles = roles;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        addClassName("af-page");
        setSizeFull();

        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = ListToolbar.of(search, create);

        grid.addColumn(UserSummary::username).setKey("username").setHeader(getTranslation("users.username"))
                .setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setKey("displayName").setHeader(getTranslation("users.displayName"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setKey("email").setHeader(getTranslation("users.email"))
                .setAutoWidth(true);
        grid.addColumn(this::roleNames).setKey("roles").setHeader(getTranslation("users.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        add(toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        grid.setItems(
                query -> users.search(search.getValue(), query.getPage(), query.getPageSize()).stream(),
                query -> (int) users.count(search.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }

    private String roleNames(UserSummary user) {
        return user.roles().stream().sorted().map(r -> roles.label(r, this::getTranslation)).collect(Collectors.joining(", "));
    }

    private Component status(UserSummary user) {
        var badges = new Div();
        badges.addClassName("af-badges");
        if (!user.enabled()) {
            badges.add(badge("users.status.disabled", "af-badge-muted"));
        } else if (user.isLocked(clock.instant())) {
            badges.add(badge("users.status.locked", "af-badge-error"));
        } else {
            badges.add(badge("users.status.active", "af-badge-success"));
        }
        if (user.defaultPassword()) {
            badges.add(badge("users.status.defaultPassword", "af-badge-warning"));
        }
        return badges;
    }

    private Span badge(String key, String style) {
        var badge = new Span(getTranslation(key));
        badge.addClassNames("af-badge", style);
        return badge;
    }

    private Component actions(UserSummary user) {
        var edit = new Button(getTranslation("users.edit"), e -> openEdit(user));
        var reset = new Button(getTranslation("users.resetPassword"), e -> PasswordDialog.reset(users, user, this::changed).open());
        var toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"), e -> toggle(user));
        var apiTokens = new Button(getTranslation("users.apiTokens"), e -> new ApiTokensDialog(tokens, user.username(), clock).open());
        for (Button button : new Button[] {edit, reset, apiTokens, toggle}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        var actions = new HorizontalLayout(edit, reset, apiTokens, toggle);
        actions.setSpacing(false);
        return actions;
    }

    private void openCreate() {
        new UserDialog(users, roles, null, this::changed).open();
    }

    private void openEdit(UserSummary user) {
        new UserDialog(users, roles, user, this::changed).open();
    }

    private void toggle(UserSummary user) {
        try {
            var updated = users.setEnabled(user.id(), !user.enabled());
            Notices.success(getTranslation(updated.enabled() ? "users.enabled" : "users.disabled", updated.username()));
            changed();
        } catch (ValidationException refused) {
            Notices.refused(this, refused);
        }
    }

    private void changed() {
        grid.getDataProvider().refreshAll();
        MainLayout.AccountsChanged.fire();
    }
}
