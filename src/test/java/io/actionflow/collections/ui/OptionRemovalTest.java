package io.actionflow.collections.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import io.actionflow.triggers.TriggerType;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Removing a select option that records hold is refused with their count, or moves them, never blanks them (issue 27). */
class OptionRemovalTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    io.actionflow.pages.PageService pages;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void an_option_records_hold_is_refused_with_their_count_or_its_records_move_to_the_option_the_admin_chooses() {
        signIn("admin");
        String tickets = "tickets_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(tickets, "Tickets", null, null));
        collections.addField(tickets, FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject")));
        collections.addField(tickets, FieldDraft.of("priority", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Priority").withOptions(List.of("Low", "Urgent", "Someday"))));
        records.create(tickets, Map.of("subject", "a", "priority", "Urgent"));
        records.create(tickets, Map.of("subject", "b", "priority", "Urgent"));
        records.create(tickets, Map.of("subject", "c", "priority", "Low"));

        // through the service: refused whole, nothing changed
        var renamed = FieldDraft.of("priority", FieldType.SINGLE_SELECT, FieldSettings.titled("Priority").withOptions(List.of("Low", "High")));
        assertThatThrownBy(() -> collections.updateField(tickets, "priority", renamed))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(e -> {
                            assertThat(e.messageKey()).isEqualTo("field.options.inUse");
                            assertThat(e.args()).containsExactly("Urgent", 2L);
                        }));
        assertThat(collections.find(tickets).orElseThrow().field("priority").orElseThrow().options()).containsExactly("Low", "Urgent", "Someday");
        assertThat(queries.count(tickets, Filter.where("priority", Filter.Operator.EQ, "Urgent"))).isEqualTo(2);
        // a move to an option that does not stay is refused too
        assertThatThrownBy(() -> collections.updateField(tickets, "priority", renamed, Map.of("Urgent", "Gone")))
                .isInstanceOf(ValidationException.class);

        // in the dialog: the option that goes asks where its two records move; without an answer the save is refused
        var definition = collections.find(tickets).orElseThrow();
        new FieldDialog(collections, definition, definition.field("priority").orElseThrow(), saved -> { }).open();
        var dialog = _get(FieldDialog.class);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Options")), "Low\nHigh");
        @SuppressWarnings("unchecked")
        Select<String> move = _get(dialog, Select.class, spec -> spec.withLabel("Records with “Urgent” (2) move to"));
        assertThat(move.getListDataView().getItems()).containsExactly("Low", "High");
        assertThat(_find(dialog, Select.class, spec -> spec.withLabel("Records with “Someday” (0) move to"))).as("no record holds it").isEmpty();
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        var options = _get(dialog, TextArea.class, spec -> spec.withLabel("Options"));
        assertThat(options.isInvalid()).isTrue();
        assertThat(options.getErrorMessage()).isEqualTo("2 records hold “Urgent”: keep the option, or choose the option they move to.");
        assertThat(queries.count(tickets, Filter.where("priority", Filter.Operator.EQ, "Urgent"))).isEqualTo(2);

        _setValue(move, "High");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(FieldDialog.class)).isEmpty();
        assertThat(collections.find(tickets).orElseThrow().field("priority").orElseThrow().options()).containsExactly("Low", "High");
        assertThat(queries.count(tickets, Filter.where("priority", Filter.Operator.EQ, "High"))).isEqualTo(2);
        assertThat(queries.count(tickets, Filter.where("priority", Filter.Operator.EQ, "Low"))).isEqualTo(1);
        assertThat(queries.count(tickets, Filter.where("priority", Filter.Operator.EQ, "Urgent"))).isZero();
    }

    @Test
    void an_option_field_or_name_an_enabled_workflow_writes_or_reads_is_kept_until_the_workflow_changes() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tickets = "tickets_" + suffix;
        String notes = "notes_" + suffix;
        collections.create(new CollectionDraft(tickets, "Tickets " + suffix, null, null));
        collections.addField(tickets, FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject")));
        collections.addField(tickets, FieldDraft.of("priority", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Priority").withOptions(List.of("Low", "Urgent", "Someday"))));
        collections.addField(tickets, FieldDraft.of("spare", FieldType.TEXT, FieldSettings.titled("Spare")));
        collections.create(new CollectionDraft(notes, "Notes " + suffix, null, null));
        collections.addField(notes, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));
        // on a ticket created: mark it Urgent, and note its subject in another collection
        var workflow = workflows.create(new WorkflowDraft("Escalate " + suffix, null, TriggerType.POST_ACTION, Map.of("collection", tickets), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                new NodeDef("mark", "update", "Mark urgent", Map.of("collection", tickets,
                        "filter", List.of(Map.of("field", "id", "op", "eq", "value", "{{$context.data.id}}")),
                        "values", Map.of("priority", "Urgent")), Map.of()),
                new NodeDef("note", "create", null, Map.of("collection", notes, "values", Map.of("text", "{{$context.data.subject}}")), Map.of()),
                new NodeDef("later", "condition", "Someday?", Map.of("expression", "{{$context.data.priority}} == 'Someday'", "mode", "continue"), Map.of()))));
        workflows.enable(workflow.id());

        // no record holds Urgent, but the workflow writes it: removing it would fail every run
        var withoutUrgent = FieldDraft.of("priority", FieldType.SINGLE_SELECT, FieldSettings.titled("Priority").withOptions(List.of("Low", "Someday")));
        assertThat(refusal(() -> collections.updateField(tickets, "priority", withoutUrgent))).containsExactly(
                "“Urgent” is used by the enabled workflow “Escalate " + suffix + "”, whose node “Mark urgent” writes it: once it is no option, that would fail or never hold. Change that first.");
        // nor one a condition compares with: the condition would never hold again
        assertThat(refusal(() -> collections.updateField(tickets, "priority", FieldDraft.of("priority", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Priority").withOptions(List.of("Low", "Urgent")))))).containsExactly(
                "“Someday” is used by the enabled workflow “Escalate " + suffix + "”, whose node “Someday?” compares with it: once it is no option, that would fail or never hold. Change that first.");
        // an option it neither writes nor compares with goes
        collections.updateField(tickets, "priority", FieldDraft.of("priority", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Priority").withOptions(List.of("Urgent", "Someday"))));
        // the subject it reads, and the field of the other collection it writes, are neither renamed nor removed
        assertThat(refusal(() -> collections.updateField(tickets, "subject", FieldDraft.of("topic", FieldType.TEXT, FieldSettings.titled("Subject")))))
                .containsExactly("It is used by the enabled workflow “Escalate " + suffix + "” (its node “note”), which would fail every time under a new name: change that first.");
        assertThat(refusal(() -> collections.removeField(notes, "text"))).containsExactly(
                "“Text” is used by the enabled workflow “Escalate " + suffix + "” (its node “note”), which would fail every time without it: change that first.");
        assertThat(refusal(() -> collections.removeField(tickets, "priority"))).hasSize(1);
        // in the collection's page, Remove and its confirmation: one notice with the reason, the field kept
        navigate("admin/collections/" + notes);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<io.actionflow.collections.FieldDefinition> fieldGrid = _get(com.vaadin.flow.component.grid.Grid.class);
        int row = fieldGrid.getGenericDataView().getItems().map(io.actionflow.collections.FieldDefinition::name).toList().indexOf("text");
        _click(_get(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(fieldGrid, row, "actions"), Button.class, spec -> spec.withText("Remove")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "“Text” is used by the enabled workflow “Escalate " + suffix + "” (its node “note”), which would fail every time without it: change that first.");
        assertThat(collections.find(tickets).orElseThrow().field("subject")).isPresent();
        assertThat(collections.find(notes).orElseThrow().field("text")).isPresent();
        // a field it does not name is free, and once the workflow is disabled all of it is
        collections.removeField(tickets, "spare");
        workflows.disable(workflow.id());
        collections.updateField(tickets, "priority", FieldDraft.of("priority", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Priority").withOptions(List.of("Low"))));
        collections.removeField(notes, "text");
    }

    @Test
    void a_type_change_converts_each_value_and_empties_those_the_new_type_cannot_read_only_when_the_admin_chooses() {
        signIn("admin");
        String parts = "parts_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(parts, "Parts", null, null));
        collections.addField(parts, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        collections.addField(parts, FieldDraft.of("size", FieldType.TEXT, FieldSettings.titled("Size")));
        collections.addField(parts, FieldDraft.of("grade", FieldType.TEXT, FieldSettings.titled("Grade")));
        var twelve = records.create(parts, Map.of("code", "a", "size", "12", "grade", "A"));
        var seven = records.create(parts, Map.of("code", "b", "size", " 7 ", "grade", "B"));
        var unknown = records.create(parts, Map.of("code", "c", "size", "n/a", "grade", "A"));

        // text to select: every value is an option, so each is kept as it is
        collections.updateField(parts, "grade", FieldDraft.of("grade", FieldType.SINGLE_SELECT, FieldSettings.titled("Grade").withOptions(List.of("A", "B"))));
        assertThat(queries.count(parts, Filter.where("grade", Filter.Operator.EQ, "A"))).isEqualTo(2);
        // and one that is not among the new options is refused, as through the API
        assertThatThrownBy(() -> collections.updateField(parts, "code", FieldDraft.of("code", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Code").withOptions(List.of("a", "b"))))).isInstanceOf(ValidationException.class);

        // in the dialog: text to integer; "n/a" cannot be a number, so Save is refused with it and nothing changes
        var definition = collections.find(parts).orElseThrow();
        new FieldDialog(collections, definition, definition.field("size").orElseThrow(), saved -> { }).open();
        var dialog = _get(FieldDialog.class);
        @SuppressWarnings("unchecked")
        Select<FieldType> type = _get(dialog, Select.class, spec -> spec.withLabel("Type"));
        String emptyLabel = "Empty the values that cannot be read as the new type";
        _setValue(type, FieldType.LONG_TEXT);
        assertThat(_find(dialog, com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel(emptyLabel)))
                .as("text to long text widens: nothing to empty").isEmpty();
        _setValue(type, FieldType.INTEGER);
        var empty = _get(dialog, com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel(emptyLabel));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(type.isInvalid()).isTrue();
        assertThat(type.getErrorMessage()).isEqualTo("1 record holds a value that cannot be read as the new type: “n/a”. Change it first, or choose to empty it.");
        assertThat(collections.find(parts).orElseThrow().field("size").orElseThrow().type()).isEqualTo(FieldType.TEXT);
        assertThat(queries.get(parts, unknown.id()).orElseThrow().get("size")).isEqualTo("n/a");

        _setValue(empty, true);
        assertThat(type.isInvalid()).as("ticked, the refusal no longer holds").isFalse();
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(FieldDialog.class)).isEmpty();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "Field Size was saved; 1 record held a value that could not be read as the new type, now empty.");
        assertThat(collections.find(parts).orElseThrow().field("size").orElseThrow().type()).isEqualTo(FieldType.INTEGER);
        assertThat(queries.get(parts, twelve.id()).orElseThrow().get("size")).isEqualTo(12L);
        assertThat(queries.get(parts, seven.id()).orElseThrow().get("size")).isEqualTo(7L);
        assertThat(queries.get(parts, unknown.id()).orElseThrow().get("size")).isNull();
        assertThat(queries.count(parts, Filter.where("size", Filter.Operator.GT, 10))).isEqualTo(1);

        // values that become one where the new field is unique are refused: 12 and "12.0" as decimals
        records.create(parts, Map.of("code", "d", "size", 12));
        assertThatThrownBy(() -> collections.updateField(parts, "size", FieldDraft.of("size", FieldType.TEXT,
                new FieldSettings("Size", false, true, false, null, null, null, null, List.of()))))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .extracting(e -> e.messageKey()).containsExactly("field.unique.duplicates"));
        // back to text, the numbers read as they were typed
        collections.updateField(parts, "size", FieldDraft.of("size", FieldType.TEXT, FieldSettings.titled("Size")));
        assertThat(queries.get(parts, seven.id()).orElseThrow().get("size")).isEqualTo("7");
    }

    @Test
    void a_field_or_option_an_update_record_button_writes_is_kept_and_a_renamed_field_is_followed_by_the_pages() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String deals = "deals_" + suffix;
        collections.create(new CollectionDraft(deals, "Deals", null, null));
        collections.addField(deals, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(deals, FieldDraft.of("stage", FieldType.SINGLE_SELECT, FieldSettings.titled("Stage").withOptions(List.of("Open", "Won", "Lost"))));
        var page = pages.create(new io.actionflow.pages.PageDraft("Pipeline " + suffix, null, null, 1, java.util.Set.of(io.actionflow.platform.Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new io.actionflow.pages.BlockDraft(io.actionflow.pages.BlockType.TABLE, deals, null, 0,
                List.of("name", "stage"), null, 10, null));
        long table = page.blocks().getFirst().id();
        pages.addButton(table, new io.actionflow.pages.ButtonDraft(io.actionflow.pages.ButtonKind.UPDATE_RECORD, io.actionflow.pages.ButtonPlacement.ROW,
                "Win", null, io.actionflow.pages.ButtonStyle.PRIMARY, null, null, List.of(), true, null, Map.of("stage", "Won"), null));

        // the option the button writes stays, and so does the field, with the button named
        assertThat(refusal(() -> collections.updateField(deals, "stage", FieldDraft.of("stage", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Stage").withOptions(List.of("Open", "Lost")))))).containsExactly(
                "“Won” is used by the button “Win” on the page “Pipeline " + suffix + "”: once it is no option, that would fail or never hold. Change that first.");
        assertThat(refusal(() -> collections.removeField(deals, "stage"))).containsExactly(
                "“Stage” is used by the button “Win” on the page “Pipeline " + suffix + "”, which would fail every time without it: change that first.");
        // an option it does not write goes
        collections.updateField(deals, "stage", FieldDraft.of("stage", FieldType.SINGLE_SELECT, FieldSettings.titled("Stage").withOptions(List.of("Open", "Won"))));

        // renamed: the table shows it and the button writes it under the new name
        collections.updateField(deals, "stage", FieldDraft.of("phase", FieldType.SINGLE_SELECT, FieldSettings.titled("Stage").withOptions(List.of("Open", "Won"))));
        var block = pages.open(page.slug()).blocks().getFirst();
        assertThat(block.fields()).containsExactly("name", "phase");
        assertThat(block.buttons().stream().filter(b -> "Win".equals(b.label())).findFirst().orElseThrow().presets()).containsExactly(Map.entry("phase", "Won"));
    }

    private List<String> refusal(Runnable change) {
        try {
            change.run();
        } catch (ValidationException refused) {
            return refused.errors().stream().map(e -> messages.getMessage(e.messageKey(), e.args().toArray(), Locale.ENGLISH)).toList();
        }
        return List.of();
    }
}
