package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonDraft;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.platform.ui.DesignMode;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Bind workflows dialog on every kind of button, and what a member's click then runs (issue 6). */
class BindWorkflowsTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    @Autowired
    io.actionflow.collections.RecordQueries queries;

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    io.actionflow.collections.RecordService recordService;

    @Test
    void each_button_offers_exactly_its_compatible_workflows_and_a_click_runs_the_plan_it_shows() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String orders = "orders_" + suffix;
        collections.create(new CollectionDraft(orders, "Orders " + suffix, null, null));
        collections.addField(orders, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        String other = "other_" + suffix;
        collections.create(new CollectionDraft(other, "Other " + suffix, null, null));

        workflow("Check code " + suffix, TriggerType.PRE_ACTION, Map.of("collection", orders), true, "Checked {{$context.data.code}}");
        workflow("Check stock " + suffix, TriggerType.PRE_ACTION, Map.of("collection", orders), true, "Stock ok");
        workflow("Thank " + suffix, TriggerType.POST_ACTION, Map.of("collection", orders), true, "Thanks for {{$context.data.code}}");
        workflow("Archive " + suffix, TriggerType.POST_ACTION, Map.of("collection", orders), false, null);
        workflow("Escalate " + suffix, TriggerType.CUSTOM_ACTION, Map.of("collection", orders, "contextType", "single"), true, "Escalated");
        workflow("Hello " + suffix, TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true, "Hello");
        workflow("Elsewhere " + suffix, TriggerType.PRE_ACTION, Map.of("collection", other), true, "No");

        var page = pages.create(new PageDraft("Orders " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("code"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, orders, null, 0, List.of("code"), FormMode.CREATE, 0, null));
        long table = page.blocks().get(0).id();
        pages.addButton(table, new ButtonDraft(ButtonKind.TRIGGER_WORKFLOW, ButtonPlacement.ROW, "Escalate", null,
                ButtonStyle.DEFAULT, null, null, List.of(), true, null, Map.of(), null));
        page = pages.addButton(table, new ButtonDraft(ButtonKind.UPDATE_RECORD, ButtonPlacement.ROW, "Mark", null,
                ButtonStyle.DEFAULT, null, null, List.of(), true, null, Map.of("code", "X"), null));
        var slug = page.slug();
        DesignMode.set(true);
        navigate("p/" + slug);

        assertThat(offered("Submit")).containsExactlyInAnyOrder("Check code " + suffix, "Check stock " + suffix, "Thank " + suffix, "Archive " + suffix);
        closeDialog();
        assertThat(offered("Mark")).containsExactlyInAnyOrder("Check code " + suffix, "Check stock " + suffix, "Thank " + suffix, "Archive " + suffix);
        closeDialog();
        assertThat(offered("Delete")).containsExactlyInAnyOrder("Check code " + suffix, "Check stock " + suffix);
        closeDialog();
        assertThat(offered("Escalate")).containsExactly("Escalate " + suffix);
        closeDialog();

        // bind three on Submit, then move the last one up: the plan shows the new order
        openBind("Submit");
        choose("Thank " + suffix);
        choose("Check code " + suffix);
        choose("Check stock " + suffix);
        var rows = _find(_get(BindWorkflowsDialog.class), Div.class, spec -> spec.withClasses("af-bind-row"));
        assertThat(rows).hasSize(3);
        // grouped by type: the two pre-actions, then the post-action, which cannot move above them
        assertThat(rows).extracting(r -> r.getElement().getAttribute("data-workflow")).hasSize(3);
        assertThat(_find(rows.get(2), Button.class).get(0).isEnabled()).as("first of its type").isFalse();
        _click(_find(rows.get(1), Button.class).get(0));
        assertThat(planSteps()).containsExactly("1. Check stock " + suffix, "2. Check code " + suffix, "1. Thank " + suffix);
        _click(_get(_get(BindWorkflowsDialog.class), Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Workflows of Submit saved.");

        // a member's click runs exactly that: the pre-actions in that order, the action, then the post-action
        DesignMode.set(false);
        signIn("member");
        navigate("p/" + slug);
        var form = _get(FormBlockView.class);
        _setValue(_get(form, TextField.class, spec -> spec.withLabel("Code")), "A-7");
        NotificationsKt.clearNotifications();
        _click(_get(form, Button.class, spec -> spec.withText("Submit")));
        // one message for the click: what the workflows said, in their order (no "was created" besides)
        NotificationsKt.expectNotifications("Stock ok\nChecked A-7\nThanks for A-7");

        // the history says who clicked which button, for which record
        signIn("admin");
        var thank = workflows.list().stream().filter(w -> w.title().equals("Thank " + suffix)).findFirst().orElseThrow();
        navigate("admin/workflows/" + thank.id());
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<io.actionflow.workflow.ExecutionSummary> history =
                _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(history, 0, "origin"))
                .startsWith("member · Orders " + suffix + " › Submit · record #");
    }

    @Test
    void a_button_whose_action_another_button_guards_says_so_in_its_bind_dialog() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String items = "items_" + suffix;
        collections.create(new CollectionDraft(items, "Items " + suffix, null, null));
        collections.addField(items, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        workflow("Keep stocked " + suffix, TriggerType.PRE_ACTION, Map.of("collection", items), true, "No");
        var page = pages.create(new PageDraft("Items " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, items, null, 0, List.of("name"), null, 10, null));
        var delete = page.blocks().getFirst().buttons().stream().filter(b -> b.kind() == ButtonKind.DELETE).findFirst().orElseThrow();
        String key = workflows.list().stream().filter(w -> w.title().equals("Keep stocked " + suffix)).findFirst().orElseThrow().key();
        pages.bind(delete.id(), List.of(new io.actionflow.dispatch.WorkflowBinding(key, null)));
        DesignMode.set(true);
        navigate("p/" + page.slug());

        openBind("Delete selected");
        assertThat(warnings()).containsExactly("Delete on this page runs Keep stocked " + suffix
                + " first; Delete selected does not. To guard every button and API call, make Keep stocked " + suffix
                + " global in its trigger.");
        // binding it here too ends the warning
        choose("Keep stocked " + suffix);
        assertThat(warnings()).isEmpty();
        closeDialog();
        openBind("Delete");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void add_new_and_edit_are_bound_like_the_forms_they_open_and_a_rule_bound_to_a_forms_submit_is_not_skipped() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String orders = "stock_" + suffix;
        collections.create(new CollectionDraft(orders, "Stock " + suffix, null, null));
        collections.addField(orders, FieldDraft.of("product", FieldType.TEXT, FieldSettings.titled("Product")));
        var check = workflows.create(new WorkflowDraft("Check stock " + suffix, null, TriggerType.PRE_ACTION,
                Map.of("collection", orders), true, 0));
        workflows.updateGraph(check.id(), new WorkflowGraph(List.of(
                NodeDef.of("say", "response-message", Map.of("message", "Not enough {{$context.data.product}}.")),
                NodeDef.of("stop", "end", Map.of("status", "fail")))));
        workflows.enable(check.id());
        // the form's Submit on one page, as the seeds' system teaches; the table with its Add new and Edit on another
        var formPage = pages.create(new PageDraft("Order form " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        formPage = pages.addBlock(formPage.id(), new BlockDraft(BlockType.FORM, orders, null, 0, List.of("product"), FormMode.CREATE, 0, null));
        var submit = formPage.blocks().getFirst().buttons().getFirst();
        pages.bind(submit.id(), List.of(new io.actionflow.dispatch.WorkflowBinding(check.key(), null)));
        var tablePage = pages.create(new PageDraft("Orders " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        tablePage = pages.addBlock(tablePage.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("product"), null, 10, null));
        DesignMode.set(true);
        navigate("p/" + tablePage.slug());

        // Add new's dialog shows the form's Submit beside it, what each runs, and offers to bind the same
        openBind("Add new");
        assertThat(siblings()).containsExactly("Submit on Order form " + suffix + " › Stock " + suffix + " form: Check stock " + suffix);
        assertThat(warnings()).containsExactly("Submit on the page Order form " + suffix + " runs Check stock " + suffix
                + " first; Add new does not. To guard every button and API call, make Check stock " + suffix + " global in its trigger.");
        _click(_get(_get(BindWorkflowsDialog.class), Button.class, spec -> spec.withText("Bind the same here")));
        assertThat(warnings()).isEmpty();
        assertThat(planSteps()).containsExactly("1. Check stock " + suffix);
        _click(_get(_get(BindWorkflowsDialog.class), Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Workflows of Add new saved.");
        // Edit: the same rule offered, and the guard of the create forms named, since it could run on a change too
        assertThat(offered("Edit")).contains("Check stock " + suffix);
        assertThat(warnings()).anyMatch(w -> w.startsWith("Submit on the page Order form " + suffix + " runs Check stock " + suffix
                + " first; Edit does not."));
        closeDialog();
        long editId = pages.open(tablePage.slug()).blocks().getFirst().buttons().stream().filter(b -> b.kind() == ButtonKind.EDIT)
                .findFirst().orElseThrow().id();
        var edit = pages.bind(editId, List.of(new io.actionflow.dispatch.WorkflowBinding(check.key(), null))).blocks().getFirst()
                .buttons().stream().filter(b -> b.id() == editId).findFirst().orElseThrow();

        // a member is stopped in the Add new dialog, as on the form, and nothing is saved
        DesignMode.set(false);
        signIn("member");
        navigate("p/" + tablePage.slug());
        _click(_get(_get(TableBlockView.class), Button.class, spec -> spec.withText("Add new")));
        var dialog = _get(RecordDialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Product")), "Pear");
        NotificationsKt.clearNotifications();
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        NotificationsKt.expectNotifications("Not enough Pear.");
        assertThat(queries.count(orders, io.actionflow.collections.Filter.all())).isZero();
        dialog.close();

        // and in the Edit dialog
        signIn("admin");
        long id = recordService.create(orders, Map.of("product", "Apple")).id();
        signIn("member");
        navigate("p/" + tablePage.slug());
        var table = _get(TableBlockView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<io.actionflow.collections.StoredRecord> grid = _get(table, com.vaadin.flow.component.grid.Grid.class);
        var row = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0);
        RecordDialog.edit(table, edit, row).orElseThrow().open();
        var editing = _get(RecordDialog.class);
        _setValue(_get(editing, TextField.class, spec -> spec.withLabel("Product")), "Plum");
        NotificationsKt.clearNotifications();
        _click(_get(editing, Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Not enough Plum.");
        assertThat(queries.get(orders, id).orElseThrow().values().get("product")).isEqualTo("Apple");
    }

    @Test
    void design_mode_shows_every_write_button_of_a_collection_and_a_skipped_rule_is_bound_to_all_or_made_global() {
        signIn("admin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String orders = "ledger_" + suffix;
        collections.create(new CollectionDraft(orders, "Ledger " + suffix, null, null));
        collections.addField(orders, FieldDraft.of("product", FieldType.TEXT, FieldSettings.titled("Product")));
        var check = workflows.create(new WorkflowDraft("Check " + suffix, null, TriggerType.PRE_ACTION, Map.of("collection", orders), true, 0));
        workflows.updateGraph(check.id(), new WorkflowGraph(List.of(
                NodeDef.of("say", "response-message", Map.of("message", "Refused {{$context.data.product}}.")),
                NodeDef.of("stop", "end", Map.of("status", "fail")))));
        workflows.enable(check.id());
        var formPage = pages.create(new PageDraft("Entry " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        formPage = pages.addBlock(formPage.id(), new BlockDraft(BlockType.FORM, orders, null, 0, List.of("product"), FormMode.CREATE, 0, null));
        pages.bind(formPage.blocks().getFirst().buttons().getFirst().id(), List.of(new io.actionflow.dispatch.WorkflowBinding(check.key(), null)));
        var tablePage = pages.create(new PageDraft("Book " + suffix, null, null, 1, Set.of(Role.MEMBER_ID)));
        tablePage = pages.addBlock(tablePage.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("product"), null, 10, null));
        DesignMode.set(true);
        navigate("p/" + tablePage.slug());

        openRules("Ledger " + suffix);
        var rules = _get(CollectionRulesDialog.class);
        assertThat(rulesLines(rules, "create")).containsExactly(
                "Submit on Entry " + suffix + " › Ledger " + suffix + " form: Check " + suffix,
                "Add new on Book " + suffix + " › Ledger " + suffix + " table: nothing",
                "On every one, and through the API (global): nothing",
                "“Check " + suffix + "” does not run on: Add new on Book " + suffix + " › Ledger " + suffix + " table.");
        assertThat(rulesLines(rules, "update")).contains("Edit on Book " + suffix + " › Ledger " + suffix + " table: nothing");
        assertThat(rulesLines(rules, "destroy")).contains("Delete on Book " + suffix + " › Ledger " + suffix + " table: nothing",
                "Delete selected on Book " + suffix + " › Ledger " + suffix + " table: nothing");

        // Bind to all: Add new now runs it, and nothing is skipped on creating
        _click(_get(rules, Button.class, spec -> spec.withText("Bind to all")));
        NotificationsKt.expectNotifications("Check " + suffix + " is now bound to one more button.");
        assertThat(rulesLines(rules, "create")).containsExactly(
                "Submit on Entry " + suffix + " › Ledger " + suffix + " form: Check " + suffix,
                "Add new on Book " + suffix + " › Ledger " + suffix + " table: Check " + suffix,
                "On every one, and through the API (global): nothing");
        assertThat(pages.open(tablePage.slug()).blocks().getFirst().buttons().stream().filter(b -> b.kind() == ButtonKind.ADD_NEW)
                .findFirst().orElseThrow().bindings()).extracting(io.actionflow.dispatch.WorkflowBinding::workflowKey).containsExactly(check.key());

        // a second create form without it: Make global, confirmed, runs it on every create, bound or not, and on the API
        pages.addBlock(formPage.id(), new BlockDraft(BlockType.FORM, orders, "Quick entry", 0, List.of("product"), FormMode.CREATE, 0, null));
        rules.close();
        openRules("Ledger " + suffix);
        rules = _get(CollectionRulesDialog.class);
        assertThat(rulesLines(rules, "create")).contains("“Check " + suffix + "” does not run on: Submit on Entry " + suffix + " › Quick entry.");
        _click(_get(rules, Button.class, spec -> spec.withText("Make global")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        NotificationsKt.expectNotifications("Check " + suffix + " now runs on every one of them.");
        assertThat(rulesLines(rules, "create")).contains("On every one, and through the API (global): Check " + suffix)
                .noneMatch(l -> l.contains("does not run on"));
        var current = workflows.versions(check.key()).stream().filter(WorkflowDefinition::enabled).findFirst().orElseThrow();
        assertThat(current.triggerConfig()).containsEntry("global", true).containsEntry("actions", List.of("create"));

        // a member is refused by a click that binds nothing, as by the quick form's Submit or the API
        DesignMode.set(false);
        signIn("member");
        var result = dispatcher.dispatch(new io.actionflow.dispatch.ActionRequest(orders, io.actionflow.dispatch.Action.CREATE, List.of(),
                Map.of("product", "Pear"), List.of(), "member", Role.MEMBER_ID, io.actionflow.dispatch.ActionSource.UI, null));
        assertThat(result).isNotInstanceOf(io.actionflow.dispatch.ActionResult.Done.class);
        signIn("admin");
        assertThat(queries.count(orders, io.actionflow.collections.Filter.all())).isZero();
    }

    private void openRules(String collectionTitle) {
        var block = _get(TableBlockView.class);
        ContextMenuKt._clickItemWithCaption(_get(block, MenuBar.class, spec -> spec.withClasses("af-design-menu")),
                "Buttons that write " + collectionTitle + "…");
    }

    private static List<String> rulesLines(CollectionRulesDialog rules, String action) {
        var section = _get(rules, Div.class, spec -> spec.withClasses("af-rules-section").withAttribute("data-action", action));
        return _find(section, Div.class).stream()
                .filter(d -> d.hasClassName("af-bind-sibling") || d.hasClassName("af-rules-global") || d.hasClassName("af-rules-gap"))
                .map(d -> ((com.vaadin.flow.component.html.Span) d.getChildren().findFirst().orElseThrow()).getText()).toList();
    }

    private List<String> siblings() {
        return _find(_get(BindWorkflowsDialog.class), Div.class, spec -> spec.withClasses("af-bind-sibling")).stream()
                .map(d -> ((com.vaadin.flow.component.html.Span) d.getChildren().findFirst().orElseThrow()).getText()).toList();
    }

    private List<String> warnings() {
        return _find(_get(BindWorkflowsDialog.class), com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("af-badge-warning")).stream().map(com.vaadin.flow.component.html.Span::getText).toList();
    }

    private void workflow(String title, TriggerType type, Map<String, Object> trigger, boolean synchronous, String message) {
        var workflow = workflows.create(new WorkflowDraft(title, null, type, trigger, synchronous, 0));
        var node = message == null ? NodeDef.of("calc", "calculation", Map.of("expression", "1"))
                : NodeDef.of("say", "response-message", Map.of("message", message));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(node)));
        workflows.enable(workflow.id());
    }

    private List<String> offered(String button) {
        openBind(button);
        @SuppressWarnings("unchecked")
        ComboBox<ActionDispatcher.Bindable> add = _get(_get(BindWorkflowsDialog.class), ComboBox.class);
        return add.getListDataView().getItems().map(b -> b.workflow().title()).toList();
    }

    private void choose(String title) {
        @SuppressWarnings("unchecked")
        ComboBox<ActionDispatcher.Bindable> add = _get(_get(BindWorkflowsDialog.class), ComboBox.class);
        _setValue(add, add.getListDataView().getItems().filter(b -> b.workflow().title().equals(title)).findFirst().orElseThrow());
    }

    private List<String> planSteps() {
        return _find(_get(BindWorkflowsDialog.class), Div.class, spec -> spec.withClasses("af-plan-step")).stream()
                .map(d -> ((com.vaadin.flow.component.html.Span) d.getChildren().findFirst().orElseThrow()).getText()).toList();
    }

    private void openBind(String buttonLabel) {
        Component chip = _find(Div.class, spec -> spec.withClasses("af-design-chip")).stream()
                .filter(c -> c.getChildren().findFirst().map(s -> ((com.vaadin.flow.component.html.Span) s).getText().equals(buttonLabel)).orElse(false))
                .findFirst().orElseThrow();
        ContextMenuKt._clickItemWithCaption(_get(chip, MenuBar.class), "Bind workflows…");
    }

    private void closeDialog() {
        _get(BindWorkflowsDialog.class).close();
    }
}
