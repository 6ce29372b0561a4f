package io.actionflow.access.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.access.Access;
import io.actionflow.access.Act;
import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.platform.Role;
import io.actionflow.platform.RoleDefinition;
import io.actionflow.platform.Roles;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.ListToolbar;
import io.actionflow.platform.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles, and for the one chosen, what it may do on each collection: the actions, the records they reach and the
 * fields, with quick presets, and a preview of what the role sees.
 */
@Route("admin/roles")
@RolesAllowed(Role.ADMIN_ID)
class RolesView extends VerticalLayout implements HasDynamicTitle {

    /** One row of the permission grid: a collection, or every collection without a permission of its own. */
    record Row(String collection, String title, Grant grant, boolean own) {
    }

    private final Roles roles;
    private final Permissions permissions;
    private final CollectionService collections;
    private final Access access;
    private final Grid<RoleDefinition> roleGrid = new Grid<>();
    private final Grid<Row> grid = new Grid<>();
    private final H3 heading = new H3();
    private final Paragraph note = new Paragraph();
    private final Div details = new Div();
    private RoleDefinition selected;

    RolesView(Roles roles, Permissions permissions, CollectionService collections, Access access) {
        this.roles = roles;
        this.permissions = permissions;
        this.collections = collections;
        this.access = access;
        addClassName("af-page");
        addClassName("af-roles");
        setSizeFull();
        var toolbar = ListToolbar.of(getTranslation("roles.intro"), getTranslation("roles.new"),
                () -> RoleDialog.create(roles, this::reload).open());

        roleGrid.addColumn(r -> roles.label(r.id(), this::getTranslation)).setKey("title").setHeader(getTranslation("roles.title"))
                .setAutoWidth(true).setFlexGrow(1);
        roleGrid.addColumn(RoleDefinition::id).setKey("id").setHeader(getTranslation("roles.id")).setAutoWidth(true);
        roleGrid.addComponentColumn(this::roleActions).setKey("actions").setHeader(getTranslation("users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        roleGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        roleGrid.setAllRowsVisible(true);
        roleGrid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });

        grid.addColumn(Row::title).setKey("collection").setHeader(getTranslation("roles.collection")).setAutoWidth(true)
                .setFlexGrow(1).setFrozen(true);
        for (Act act : Act.values()) {
            grid.addComponentColumn(row -> allowed(row.grant().may(act))).setKey(act.key())
                    .setHeader(getTranslation("roles.act." + act.key())).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(row -> summary(row.grant())).setKey("scope").setHeader(getTranslation("roles.reach")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setKey("actions").setHeader(getTranslation("users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);

        note.addClassName("af-muted");
        details.addClassName("af-role-details");
        details.add(heading, note, grid);
        details.setWidthFull();
        add(toolbar, roleGrid, details);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roles.pageTitle");
    }

    private void reload() {
        var all = roles.list();
        roleGrid.setItems(all);
        var keep = selected == null ? null : all.stream().filter(r -> r.id().equals(selected.id())).findFirst().orElse(null);
        roleGrid.select(keep != null ? keep : all.stream().filter(r -> r.id().equals(Role.MEMBER_ID)).findFirst().orElse(all.getFirst()));
    }

    private void show(RoleDefinition role) {
        selected = role;
        String title = roles.label(role.id(), this::getTranslation);
        heading.setText(getTranslation("roles.mayDo", title));
        boolean admin = Role.ADMIN_ID.equals(role.id());
        note.setText(getTranslation(admin ? "roles.admin.note" : "roles.note"));
        grid.setVisible(!admin);
        if (!admin) {
            grid.setItems(rows(role.id()));
        }
    }

    private List<Row> rows(String role) {
        var own = permissions.all(role);
        var rows = new ArrayList<Row>();
        Grant every = own.getOrDefault(Permissions.EVERY, Grant.NONE);
        rows.add(new Row(Permissions.EVERY, getTranslation("roles.every"), every, true));
        for (CollectionDefinition collection : collections.list()) {
            if (!collection.builtIn()) {
                Grant grant = own.get(collection.name());
                rows.add(new Row(collection.name(), collection.title(), grant != null ? grant : every, grant != null));
            }
        }
        return rows;
    }

    private Component roleActions(RoleDefinition role) {
        var actions = new Div();
        actions.addClassName("af-row-actions");
        actions.getElement().setAttribute("data-role", role.id());
        actions.add(small("roles.rename", () -> RoleDialog.rename(roles, role, this::reload).open()));
        if (!role.builtIn()) {
            var delete = small("roles.delete", () -> confirmDelete(role));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete(RoleDefinition role) {
        var confirm = new ConfirmDialog(getTranslation("roles.delete.title", role.title()),
                getTranslation("roles.delete.text"), getTranslation("roles.delete"), e -> {
                    try {
                        roles.delete(role.id());
                        Notices.success(getTranslation("roles.deleted", role.title()));
                        selected = null;
                        reload();
                    } catch (ValidationException refused) {
                        refused.errors().forEach(err -> Notices.error(new io.actionflow.platform.Text(err.messageKey(), err.args())
                                .format(this::getTranslation)));
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component rowActions(Row row) {
        var actions = new Div();
        actions.addClassName("af-row-actions");
        actions.getElement().setAttribute("data-collection", row.collection());
        String role = selected.id();
        actions.add(small("roles.edit", () -> new PermissionDialog(permissions, collections, role, row.collection(),
                row.title(), row.grant(), () -> show(selected)).open()));
        actions.add(small("roles.readOnly", () -> save(role, row.collection(), Grant.READ_ONLY)));
        actions.add(small("roles.full", () -> save(role, row.collection(), Grant.FULL)));
        actions.add(small("roles.nothing", () -> save(role, row.collection(), Grant.NONE)));
        if (!Permissions.EVERY.equals(row.collection())) {
            if (row.own()) {
                actions.add(small("roles.reset", () -> {
                    permissions.reset(role, row.collection());
                    show(selected);
                }));
            }
            actions.add(small("roles.preview", () -> new PreviewDialog(access, collections, selected, roles.label(role, this::getTranslation),
                    row.collection()).open()));
        }
        return actions;
    }

    private void save(String role, String collection, Grant grant) {
        try {
            permissions.save(role, collection, grant);
            show(selected);
        } catch (ValidationException refused) {
            refused.errors().forEach(err -> Notices.error(new io.actionflow.platform.Text(err.messageKey(), err.args())
                    .format(this::getTranslation)));
        }
    }

    /** How far the role reaches: its records, and the fields it reads when not all of them. */
    private String summary(Grant grant) {
        if (!grant.view()) {
            return "";
        }
        String records = getTranslation("roles.scope." + switch (grant.viewScope()) {
            case Scope.All all -> "all";
            case Scope.Own own -> "own";
            case Scope.Where where -> "filter";
        });
        return grant.readable() == null ? records : records + " · " + getTranslation("roles.someFields", grant.readable().size());
    }

    private Span allowed(boolean allowed) {
        var badge = new Span(getTranslation(allowed ? "common.yes" : "common.no"));
        badge.addClassNames("af-badge", allowed ? "af-badge-success" : "af-badge-muted");
        return badge;
    }

    private Button small(String key, Runnable action) {
        var button = new Button(getTranslation(key), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
