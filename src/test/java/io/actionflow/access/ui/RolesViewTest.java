package io.actionflow.access.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.access.Act;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.RoleDefinition;
import io.actionflow.platform.Roles;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Roles page, clicked as an admin: roles, permissions per collection, presets, scopes, fields and the preview. */
class RolesViewTest extends KaribuTest {

    @Autowired
    Roles roles;

    @Autowired
    Permissions permissions;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Test
    @SuppressWarnings("unchecked")
    void admin_creates_a_role_grants_it_a_collection_narrows_it_and_previews_what_it_sees() {
        signIn("admin");
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String deals = "deals_" + s;
        collections.create(new CollectionDraft(deals, "Deals " + s, null, null));
        collections.addField(deals, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Deal")));
        collections.addField(deals, FieldDraft.of("margin", FieldType.INTEGER, FieldSettings.titled("Margin")));
        records.create(deals, Map.of("title", "Big one", "margin", 40));
        navigate("admin/roles");

        // a new role: its name follows the title; a bad name and a blank title are refused on their fields
        _click(_get(Button.class, spec -> spec.withText("New role")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Bad Name");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Title")).getErrorMessage()).isEqualTo("This field is required.");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getErrorMessage()).startsWith("Use 1 to 32 lower-case");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Sales " + s);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getValue()).isEqualTo("Bad Name");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "sales_" + s);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).isEmpty();
        String role = "sales_" + s;
        assertThat(roles.find(role)).map(RoleDefinition::title).hasValue("Sales " + s);

        // chosen in the list, the role may do nothing yet
        Grid<RoleDefinition> roleGrid = _find(Grid.class).stream().filter(g -> g.getColumnByKey("id") != null).findFirst().orElseThrow();
        roleGrid.select(roles.find(role).orElseThrow());
        assertThat(permissions.grant(role, deals).may(Act.VIEW)).isFalse();

        // a preset on its row, then the dialog: create too, a filter for what it sees, and not the margin
        var row = row(deals);
        _click(_get(row, Button.class, spec -> spec.withText("Read only")));
        assertThat(permissions.grant(role, deals).view()).isTrue();
        assertThat(permissions.grant(role, deals).create()).isFalse();
        _click(_get(row(deals), Button.class, spec -> spec.withText("Edit…")));
        var dialog = _get(PermissionDialog.class);
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel("Create")), true);
        Select<String> viewScope = _get(dialog, Select.class, spec -> spec.withLabel("Which records: View"));
        _setValue(viewScope, "filter");
        var filter = _find(dialog, TextArea.class, spec -> spec.withLabel("Filter")).stream().filter(Component::isVisible).findFirst().orElseThrow();
        _setValue(filter, "{\"nope\": 1}");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(filter.getErrorMessage()).contains("nope");
        _setValue(filter, "{\"margin\": {\"$lt\": 50}}");
        MultiSelectComboBox<String> readable = _get(dialog, MultiSelectComboBox.class, spec -> spec.withLabel("Fields it may read"));
        _setValue(readable, Set.of("title"));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(PermissionDialog.class)).isEmpty();
        var grant = permissions.grant(role, deals);
        assertThat(grant.create()).isTrue();
        assertThat(grant.viewScope()).isEqualTo(new Scope.Where("{\"margin\": {\"$lt\": 50}}"));
        assertThat(grant.readable()).containsExactly("title");

        // the preview shows what the role reads: the deal, without its margin
        _click(_get(row(deals), Button.class, spec -> spec.withText("Preview")));
        var preview = _get(PreviewDialog.class);
        Grid<StoredRecord> data = _get(preview, Grid.class);
        assertThat(GridKt._size(data)).isEqualTo(1);
        assertThat(data.getColumnByKey("title")).isNotNull();
        assertThat(data.getColumnByKey("margin")).isNull();
        preview.close();

        // back to what every other collection allows, then renamed, then deleted
        _click(_get(row(deals), Button.class, spec -> spec.withText("Like every other")));
        assertThat(permissions.configured(role, deals)).isEmpty();
        _click(_get(roleRow(roleGrid, role), Button.class, spec -> spec.withText("Rename")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Sales team " + s);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(roles.find(role)).map(RoleDefinition::title).hasValue("Sales team " + s);
        NotificationsKt.clearNotifications();
        _click(_get(roleRow(roleGrid, role), Button.class, spec -> spec.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications("The role Sales team " + s + " was deleted.");
        assertThat(roles.exists(role)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_built_in_roles_cannot_be_deleted_and_admin_has_no_grid_to_narrow() {
        signIn("admin");
        navigate("admin/roles");
        Grid<RoleDefinition> roleGrid = _find(Grid.class).stream().filter(g -> g.getColumnByKey("id") != null).findFirst().orElseThrow();
        assertThat(_find(roleRow(roleGrid, "member"), Button.class, spec -> spec.withText("Delete"))).isEmpty();
        roleGrid.select(roles.find("admin").orElseThrow());
        assertThat(_find(Grid.class).stream().filter(g -> g.getColumnByKey("scope") != null).toList())
                .as("no permission grid for admin").isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText(
                "Administrators may do everything, on every collection; their rights cannot be narrowed."))).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static Grid<RolesView.Row> rowsGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumnByKey("scope") != null).findFirst().orElseThrow();
    }

    private static Component row(String collection) {
        var grid = rowsGrid();
        int index = grid.getGenericDataView().getItems().map(RolesView.Row::collection).toList().indexOf(collection);
        return GridKt._getCellComponent(grid, index, "actions");
    }

    private static Component roleRow(Grid<RoleDefinition> grid, String role) {
        int index = grid.getGenericDataView().getItems().map(RoleDefinition::id).toList().indexOf(role);
        return GridKt._getCellComponent(grid, index, "actions");
    }
}
