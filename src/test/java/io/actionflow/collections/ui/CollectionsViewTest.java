package io.actionflow.collections.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CollectionsViewTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Test
    void admin_models_a_collection_with_every_field_type_and_sees_its_records() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String teams = createCollection("Teams " + suffix);
        addField("Team name", FieldType.TEXT, null);
        navigate("admin/collections");

        String tasks = createCollection("Tasks " + suffix);
        assertThat(tasks).isEqualTo("tasks_" + suffix);
        assertThat(_get(H2.class).getText()).isEqualTo("Tasks " + suffix);
        addField("Summary", FieldType.TEXT, null);
        addField("Details", FieldType.LONG_TEXT, null);
        addField("Estimate", FieldType.INTEGER, null);
        addField("Cost", FieldType.DECIMAL, null);
        addField("Urgent", FieldType.BOOLEAN, null);
        addField("Due", FieldType.DATE, null);
        addField("Started", FieldType.DATETIME, null);
        addField("Stage", FieldType.SINGLE_SELECT, "Todo\nDoing\nDone");
        addField("Contact", FieldType.EMAIL, null);
        addField("Team", FieldType.MANY_TO_ONE, teams);
        addField("Assignee", FieldType.MANY_TO_ONE, "users");

        assertThat(collections.require(tasks).fields()).extracting(FieldDefinition::type).containsExactly(
                FieldType.TEXT, FieldType.LONG_TEXT, FieldType.INTEGER, FieldType.DECIMAL, FieldType.BOOLEAN,
                FieldType.DATE, FieldType.DATETIME, FieldType.SINGLE_SELECT, FieldType.EMAIL, FieldType.MANY_TO_ONE,
                FieldType.MANY_TO_ONE);
        assertThat(fieldGrid().getGenericDataView().getItems().map(FieldDefinition::name))
                .contains("summary", "stage", "team", "assignee");

        long team = records.create(teams, Map.of("team_name", "Platform")).id();
        for (int i = 1; i <= 3; i++) {
            records.create(tasks, Map.of("summary", "Task " + i, "estimate", i, "urgent", i == 2, "stage", "Todo",
                    "team", team));
        }

        addField("Priority", FieldType.INTEGER, null);
        _get(TabSheet.class).setSelectedIndex(1);

        Grid<StoredRecord> preview = previewGrid();
        assertThat(GridKt._size(preview)).isEqualTo(3);
        assertThat(GridKt._getFormatted(preview, 0, "summary")).isEqualTo("Task 1");
        assertThat(GridKt._getFormatted(preview, 1, "urgent")).isEqualTo("Yes");
        assertThat(GridKt._getFormatted(preview, 0, "team")).isEqualTo("Platform");
        assertThat(preview.getColumnByKey("priority")).isNotNull();
    }

    @Test
    void bad_collection_names_are_refused_with_a_message() {
        signIn("admin");
        navigate("admin/collections");

        assertRefusedName("Bad Name", "Use lower-case letters, digits and underscores, starting with a letter, at most 48 characters.");
        assertRefusedName("select", "select is a word the database keeps for itself (as in SQL’s ORDER BY) or a name Actionflow uses, so it cannot be a name here; choose another, such as select_ref.");
        assertRefusedName("x; drop table app_user; --", "Use lower-case letters, digits and underscores, starting with a letter, at most 48 characters.");
        assertRefusedName("users", "users is a word the database keeps for itself (as in SQL’s ORDER BY) or a name Actionflow uses, so it cannot be a name here; choose another, such as users_ref.");
        String existing = createCollection("Existing " + UUID.randomUUID().toString().substring(0, 6));
        navigate("admin/collections");
        assertRefusedName(existing, "The name " + existing + " is already taken.");
    }

    @Test
    void bad_field_names_are_refused_with_a_message() {
        signIn("admin");
        createCollection("Notes " + UUID.randomUUID().toString().substring(0, 6));
        addField("Body", FieldType.TEXT, null);

        for (var refusal : List.of(
                List.of("order", "order is a word the database keeps for itself (as in SQL’s ORDER BY) or a name Actionflow uses, so it cannot be a name here; choose another, such as order_ref."),
                List.of("id", "id is a column every record already has; choose another name."),
                List.of("body", "The name body is already taken."),
                List.of("Body Text", "Use lower-case letters, digits and underscores, starting with a letter, at most 63 characters."))) {
            _click(_get(Button.class, spec -> spec.withText("Add field")));
            _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Anything");
            _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), refusal.get(0));
            _click(_get(Button.class, spec -> spec.withText("Save")));
            var name = _get(TextField.class, spec -> spec.withLabel("Name"));
            assertThat(name.getErrorMessage()).isEqualTo(refusal.get(1));
            _get(Dialog.class).close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void admin_renames_a_collection_and_gives_it_a_title_field() {
        signIn("admin");
        String name = createCollection("Books " + UUID.randomUUID().toString().substring(0, 6));
        addField("Heading", FieldType.TEXT, null);

        _click(_get(Button.class, spec -> spec.withText("Edit collection")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Library books");
        Select<String> titleField = _get(Select.class, spec -> spec.withLabel("Title field"));
        assertThat(titleField.getListDataView().getItems()).contains("heading");
        _setValue(titleField, "heading");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(collections.require(name).title()).isEqualTo("Library books");
        assertThat(collections.require(name).titleField()).isEqualTo("heading");

        _click(_get(Button.class, spec -> spec.withText("Edit collection")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Title field")), null);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Title")).getErrorMessage()).isNotBlank();
        assertThat(collections.require(name).title()).isEqualTo("Library books");
        _get(Dialog.class).close();
    }

    @Test
    void a_title_that_is_a_reserved_word_suggests_a_free_name_which_saves() {
        signIn("admin");
        navigate("admin/collections");
        _click(_get(Button.class, spec -> spec.withText("New collection")));
        var dialog = _get(CollectionDialog.class);
        // the suggestion from the title "Order" avoids SQL's own word; a blank title is refused, nothing saved
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Order");
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Name")).getValue()).isEqualTo("order_ref");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), " ");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "order_ref");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Title")).isInvalid()).isTrue();
        assertThat(collections.find("order_ref")).isEmpty();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Order");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(collections.find("order_ref")).isPresent();
    }

    private void assertRefusedName(String name, String message) {
        long before = collections.list().size();
        _click(_get(Button.class, spec -> spec.withText("New collection")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Something");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).getErrorMessage()).isEqualTo(message);
        assertThat(collections.list()).hasSize((int) before);
        _get(Dialog.class).close();
    }

    private String createCollection(String title) {
        navigate("admin/collections");
        _click(_get(Button.class, spec -> spec.withText("New collection")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), title);
        String name = _get(TextField.class, spec -> spec.withLabel("Name")).getValue();
        _click(_get(Button.class, spec -> spec.withText("Save")));
        _get(CollectionView.class);
        return name;
    }

    @SuppressWarnings("unchecked")
    private void addField(String title, FieldType type, String extra) {
        _click(_get(Button.class, spec -> spec.withText("Add field")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), title);
        Select<FieldType> typeSelect = _get(Select.class, spec -> spec.withLabel("Type"));
        _setValue(typeSelect, type);
        if (type == FieldType.SINGLE_SELECT) {
            _setValue(_get(TextArea.class, spec -> spec.withLabel("Options")), extra);
        }
        if (type == FieldType.MANY_TO_ONE) {
            Select<String> target = _get(Select.class, spec -> spec.withLabel("Points to"));
            _setValue(target, extra);
        }
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).as("dialog closes after saving field %s", title).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<FieldDefinition> fieldGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumnByKey("type") != null).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<StoredRecord> previewGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumnByKey("summary") != null).findFirst().orElseThrow();
    }
}
