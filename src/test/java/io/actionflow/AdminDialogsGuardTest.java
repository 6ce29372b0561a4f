package io.actionflow;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.demo.DemoWorkspace;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.ui.DesignMode;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard against the next dialog that crashes on open (issue 14): signed in as admin on the demo workspace, every
 * dialog of every admin view is opened, filled with valid values and saved, and filled with invalid ones and refused
 * on its fields. The demo's own collections, fields, pages, blocks, buttons, bindings and workflow nodes are opened
 * and saved as they are, which must change nothing. No dialog may end on the generic error.
 */
class AdminDialogsGuardTest extends KaribuTest {

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    /** The demo's collections: the pages and workflows on them are the demo's (other tests leave their own). */
    private static final Set<String> DEMO = Set.of("purchase_requests", "support_tickets", "inventory_items", "stock_log");

    private static boolean demo(PageDefinition page) {
        return !page.blocks().isEmpty() && page.blocks().stream().allMatch(b -> DEMO.contains(b.collection()));
    }

    private final String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

    @BeforeEach
    void demoWorkspace() {
        signIn("admin");
        if (collections.find("support_tickets").isEmpty()) {
            demo.create();
        }
        NotificationsKt.clearNotifications();
    }

    @AfterEach
    void noGenericError() {
        DesignMode.set(false);
    }

    // ---- collections and fields ----

    @Test
    void collection_and_field_dialogs() {
        navigate("admin/collections");
        _click(button("New collection"));
        var dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Guard " + s);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Bad Name");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "guard_" + s);
        accepted(dialog);
        String guard = "guard_" + s;

        _click(button("Edit collection"));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Guard " + s);
        accepted(dialog);

        // a field of every type that can be added, and a refused one
        for (FieldType type : FieldType.values()) {
            if (type == FieldType.ONE_TO_MANY) {
                continue;
            }
            _click(button("Add field"));
            dialog = dialog();
            _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "F " + type.name().toLowerCase());
            select(dialog, "Type", type);
            if (type == FieldType.SINGLE_SELECT) {
                _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("Options")), "Low\nHigh");
            }
            if (type == FieldType.MANY_TO_ONE) {
                select(dialog, "Points to", "support_tickets");
            }
            accepted(dialog);
        }
        _click(button("Add field"));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Order");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "order");
        refused(dialog);
        dialog.close();
        _click(button("Add field"));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Code");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Pattern")), "[unclosed");
        refused(dialog);
        dialog.close();

        // every collection of the demo and its every field, opened and saved as they are: nothing changes
        for (CollectionDefinition collection : collections.list().stream().filter(c -> DEMO.contains(c.name())).toList()) {
            var before = collections.require(collection.name());
            navigate("admin/collections/" + collection.name());
            _click(button("Edit collection"));
            accepted(dialog());
            for (FieldDefinition field : before.fields()) {
                var grid = fieldGrid();
                int row = grid.getGenericDataView().getItems().map(FieldDefinition::name).toList().indexOf(field.name());
                _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText("Edit")));
                accepted(dialog());
            }
            assertThat(collections.require(collection.name())).as("%s saved as it was", collection.name()).isEqualTo(before);
        }

        // the Data tab's record dialogs on the new collection
        navigate("admin/collections/" + guard);
        _get(TabSheet.class).setSelectedIndex(1);
        _click(button("Add new"));
        dialog = dialog();
        _setValue(_get(dialog, EmailField.class, spec -> spec.withLabel("F email")), "not an address");
        refused(dialog, "Submit");
        _setValue(_get(dialog, EmailField.class, spec -> spec.withLabel("F email")), "jo@example.com");
        accepted(dialog, "Submit");
    }

    // ---- users, passwords, tokens ----

    @Test
    void user_password_and_token_dialogs() {
        navigate("admin/users");
        _click(button("New user"));
        var dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Username")), "member");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Another");
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("Password")), "long-enough-1");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Username")), "guard-" + s);
        _setValue(_get(dialog, EmailField.class, spec -> spec.withLabel("Email")), "guard@example.com");
        accepted(dialog);

        var users = usersGrid();
        int row = users.getGenericDataView().getItems().map(u -> u.username()).toList().indexOf("guard-" + s);
        _click(_get(GridKt._getCellComponent(users, row, "actions"), Button.class, spec -> spec.withText("Edit")));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Guard " + s);
        accepted(dialog);

        // the profile menu's dialogs, as that user
        signIn("guard-" + s);
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")), "Change password");
        dialog = dialog();
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("Current password")), "wrong-one-1");
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("New password")), "second-password");
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("Repeat the new password")), "second-password");
        refused(dialog);
        _setValue(_get(dialog, PasswordField.class, spec -> spec.withLabel("Current password")), "long-enough-1");
        accepted(dialog);

        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withClasses("af-user-menu")), "API tokens");
        dialog = dialog();
        _click(_get(dialog, Button.class, spec -> spec.withText("Create token")));
        assertInvalid(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Nightly " + s);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create token")));
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("New token")).getValue()).isNotBlank();
        noGenericErrorShown();
        dialog.close();
    }

    // ---- roles and permissions ----

    @Test
    @SuppressWarnings("unchecked")
    void role_and_permission_dialogs() {
        navigate("admin/roles");
        _click(button("New role"));
        var dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Guards " + s);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Bad Name");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "guards_" + s);
        accepted(dialog);

        Grid<io.actionflow.platform.RoleDefinition> roles = _find(Grid.class).stream().filter(g -> g.getColumnByKey("id") != null)
                .findFirst().orElseThrow();
        roles.select(roles.getGenericDataView().getItems().filter(r -> r.id().equals("guards_" + s)).findFirst().orElseThrow());
        Grid<Object> rows = _find(Grid.class).stream().filter(g -> g.getColumnByKey("scope") != null).findFirst().orElseThrow();
        String ticketsTitle = collections.require("support_tickets").title();
        int tickets = -1;
        for (int i = 0; i < GridKt._size(rows) && tickets < 0; i++) {
            if (GridKt._getFormatted(rows, i, "collection").equals(ticketsTitle)) {
                tickets = i;
            }
        }
        _click(_get(GridKt._getCellComponent(rows, tickets, "actions"), Button.class, spec -> spec.withText("Edit…")));
        dialog = dialog();
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel("View")), true);
        Select<String> viewScope = _get(dialog, Select.class, spec -> spec.withLabel("Which records: View"));
        _setValue(viewScope, "filter");
        var filter = _find(dialog, TextArea.class, spec -> spec.withLabel("Filter")).stream().filter(Component::isVisible).findFirst().orElseThrow();
        _setValue(filter, "{\"no_such_field\": 1}");
        refused(dialog);
        _setValue(filter, "{}");
        accepted(dialog);

        _click(_get(GridKt._getCellComponent(rows, tickets, "actions"), Button.class, spec -> spec.withText("Preview")));
        dialog = dialog();
        noGenericErrorShown();
        dialog.close();

        int own = roles.getGenericDataView().getItems().map(r -> r.id()).toList().indexOf("guards_" + s);
        _click(_get(GridKt._getCellComponent(roles, own, "actions"), Button.class, spec -> spec.withText("Rename")));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Night guards " + s);
        accepted(dialog);
    }

    // ---- pages, blocks, buttons, bindings ----

    @Test
    void page_block_button_and_binding_dialogs() {
        String parts = "parts_" + s;
        collections.create(new io.actionflow.collections.CollectionDraft(parts, "Parts " + s, null, "code"));
        collections.addField(parts, io.actionflow.collections.FieldDraft.of("code", FieldType.TEXT,
                io.actionflow.collections.FieldSettings.titled("Code").withRequired(true)));
        collections.addField(parts, io.actionflow.collections.FieldDraft.of("stock", FieldType.INTEGER,
                io.actionflow.collections.FieldSettings.titled("Stock")));
        var restock = workflows.create(new WorkflowDraft("Restocked " + s, null, TriggerType.POST_ACTION,
                java.util.Map.of("collection", parts), true, 0));
        workflows.updateGraph(restock.id(), new io.actionflow.workflow.engine.WorkflowGraph(List.of(
                io.actionflow.workflow.engine.NodeDef.of("say", "response-message", java.util.Map.of("message", "Restocked")))));
        workflows.enable(restock.id());

        navigate("admin/pages");
        _click(button("New page"));
        var dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Guard page " + s);
        accepted(dialog);
        var page = pages.list().stream().filter(p -> p.title().equals("Guard page " + s)).findFirst().orElseThrow();
        DesignMode.set(true);
        navigate("p/" + page.slug());

        _click(button("Add block"));
        dialog = dialog();
        select(dialog, "Kind of block", io.actionflow.pages.BlockType.TABLE);
        refused(dialog);
        select(dialog, "Collection", parts);
        accepted(dialog);

        clickMenu(blockMenus().getFirst(), "Configure block");
        accepted(dialog());

        clickMenu(blockMenus().getFirst(), "Add button");
        dialog = dialog();
        @SuppressWarnings("unchecked")
        Select<Object> kind = _get(dialog, Select.class, spec -> spec.withLabel("What it does"));
        _setValue(kind, kind.getGenericDataView().getItems().filter(c -> kind.getItemLabelGenerator().apply(c)
                .equals("Update record · on each record")).findFirst().orElseThrow());
        var stock = _get(dialog, TextField.class, spec -> spec.withLabel("Stock"));
        _setValue(stock, "plenty");
        refused(dialog);
        assertThat(stock.isInvalid()).as("the preset a number field cannot hold is marked").isTrue();
        _setValue(stock, "7");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Label")), "Restock");
        accepted(dialog);

        clickMenu(chipMenu("Restock"), "Configure…");
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Label")), "R".repeat(101));
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Label")), "Restock");
        accepted(dialog);

        clickMenu(chipMenu("Restock"), "Bind workflows…");
        dialog = dialog();
        @SuppressWarnings("unchecked")
        ComboBox<Object> add = _get(dialog, ComboBox.class);
        _setValue(add, add.getListDataView().getItems().findFirst().orElseThrow());
        accepted(dialog);
        assertThat(page(page.id()).blocks().getFirst().buttons().stream()
                .filter(b -> "Restock".equals(b.label())).findFirst().orElseThrow().bindings()).hasSize(1);

        _click(button("Page settings"));
        dialog = dialog();
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Address")), "Bad address!");
        refused(dialog);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Address")), "guard-page-" + s);
        accepted(dialog);

        // every page of the demo: each block, button and binding opened and saved as it is changes nothing
        for (PageDefinition demoPage : pages.list().stream().filter(AdminDialogsGuardTest::demo).toList()) {
            var before = page(demoPage.id());
            navigate("p/" + before.slug());
            for (int i = 0; i < blockMenus().size(); i++) {
                clickMenu(blockMenus().get(i), "Configure block");
                accepted(dialog());
            }
            for (int i = 0; i < chipMenus().size(); i++) {
                clickMenu(chipMenus().get(i), "Configure…");
                accepted(dialog());
                var items = menuCaptions(chipMenus().get(i));
                if (items.contains("Bind workflows…")) {
                    clickMenu(chipMenus().get(i), "Bind workflows…");
                    accepted(dialog());
                }
            }
            _click(button("Page settings"));
            accepted(dialog());
            assertThat(page(demoPage.id())).as("page %s saved as it was", before.title()).isEqualTo(before);
        }
    }

    private PageDefinition page(long id) {
        return pages.list().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private static List<MenuBar> blockMenus() {
        return _find(MenuBar.class, spec -> spec.withClasses("af-design-menu"));
    }

    private static List<MenuBar> chipMenus() {
        return _find(Div.class, spec -> spec.withClasses("af-design-chip")).stream().map(chip -> _get(chip, MenuBar.class)).toList();
    }

    private static MenuBar chipMenu(String label) {
        return _find(Div.class, spec -> spec.withClasses("af-design-chip")).stream()
                .filter(c -> c.getChildren().findFirst().map(x -> x.getElement().getTextRecursively().equals(label)).orElse(false))
                .map(chip -> _get(chip, MenuBar.class)).findFirst().orElseThrow();
    }

    private static void clickMenu(MenuBar menu, String caption) {
        ContextMenuKt._clickItemWithCaption(menu, caption);
    }

    private static List<String> menuCaptions(MenuBar menu) {
        return menu.getItems().stream().flatMap(i -> i.getSubMenu().getItems().stream()).map(i -> i.getElement().getTextRecursively()).toList();
    }

    // ---- workflows, triggers, nodes, import, test run ----

    @Test
    @SuppressWarnings("unchecked")
    void workflow_trigger_node_import_and_test_run_dialogs() {
        String parts = "wparts_" + s;
        collections.create(new io.actionflow.collections.CollectionDraft(parts, "Stock parts " + s, null, "code"));
        collections.addField(parts, io.actionflow.collections.FieldDraft.of("code", FieldType.TEXT,
                io.actionflow.collections.FieldSettings.titled("Code")));
        collections.addField(parts, io.actionflow.collections.FieldDraft.of("stock", FieldType.INTEGER,
                io.actionflow.collections.FieldSettings.titled("Stock")));

        // a new workflow of every trigger type; a blank title is refused
        for (TriggerType type : TriggerType.values()) {
            navigate("admin/workflows");
            _click(button("New workflow"));
            var dialog = dialog();
            select(dialog, "Trigger", type);
            _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "");
            if (type != TriggerType.SCHEDULE && type != TriggerType.WEBHOOK) {
                // a schedule at fixed times and a webhook read no collection (their forms are tried in WorkflowDialogTest)
                select(dialog, "Collection", parts);
            }
            if (type == TriggerType.COLLECTION) {
                _setValue(_get(dialog, CheckboxGroup.class, spec -> spec.withLabel("Fires when a record is")), Set.of("created"));
            }
            refused(dialog);
            _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Title")), "Guard " + type.name().toLowerCase() + " " + s);
            accepted(dialog);
        }
        var post = workflows.list().stream().filter(w -> w.title().equals("Guard post_action " + s)).findFirst().orElseThrow();

        // import: a document that is not one is refused; an exported one is taken
        navigate("admin/workflows");
        _click(button("Import"));
        var importing = dialog();
        _setValue(_get(importing, TextArea.class, spec -> spec.withLabel("Workflow document (JSON)")), "{not json");
        refused(importing);
        _setValue(_get(importing, TextArea.class, spec -> spec.withLabel("Workflow document (JSON)")), workflows.export(post.id()));
        accepted(importing);

        // a node of every type, saved with its form; those that can be given a bad value are refused first
        navigate("admin/workflows/" + post.id());
        _click(slot("main:0"));
        List<String> types = ((Select<String>) _get(dialog(), Select.class, spec -> spec.withLabel("Type"))).getListDataView().getItems().toList();
        dialog().close();
        for (String type : types) {
            int count = cards().size();
            _click(slot("main:" + count));
            var dialog = dialog();
            select(dialog, "Type", type);
            switch (type) {
                case "condition", "calculation" -> {
                    var expression = _get(dialog, TextField.class, spec -> spec.withLabel("Expression"));
                    _setValue(expression, "{{$context.data.stock}} >");
                    refused(dialog);
                    assertThat(expression.isInvalid()).as("the %s expression is marked", type).isTrue();
                    _setValue(expression, "{{$context.data.stock}} > 3");
                }
                case "create", "update" -> {
                    _setValue(_get(dialog, ComboBox.class, spec -> spec.withLabel("Collection")), parts);
                    _click(_get(dialog, Button.class, spec -> spec.withText("Add a value")));
                    List<ComboBox<String>> fields = (List) _find(dialog, ComboBox.class, spec -> spec.withClasses("af-setting-field"));
                    _setValue(fields.getLast(), "stock");
                    var value = _find(dialog, TextField.class, spec -> spec.withClasses("af-setting-value")).getLast();
                    _setValue(value, "lots");
                    refused(dialog);
                    _setValue(value, "{{$context.data.stock}}");
                }
                case "update-submitted" -> {
                    _click(_get(dialog, Button.class, spec -> spec.withText("Add a value")));
                    List<ComboBox<String>> fields = (List) _find(dialog, ComboBox.class, spec -> spec.withClasses("af-setting-field"));
                    _setValue(fields.getLast(), "stock");
                    var value = _find(dialog, TextField.class, spec -> spec.withClasses("af-setting-value")).getLast();
                    _setValue(value, "1.5");
                    refused(dialog);
                    _setValue(value, "2");
                }
                default -> {
                    // as JSON: text that is not an object is refused on it
                    _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel("Edit the settings as JSON")), true);
                    var json = _get(dialog, TextArea.class, spec -> spec.withLabel("Settings (JSON)"));
                    String kept = json.getValue();
                    _setValue(json, "{\"unfinished\": ");
                    refused(dialog);
                    _setValue(json, kept);
                }
            }
            accepted(dialog);
            assertThat(cards()).as("a %s node was added", type).hasSize(count + 1);
        }

        // the trigger card of a pre-action: global without an action is refused
        var pre = workflows.list().stream().filter(w -> w.title().equals("Guard pre_action " + s)).findFirst().orElseThrow();
        navigate("admin/workflows/" + pre.id());
        _click(_get(Div.class, spec -> spec.withClasses("af-trigger-card")));
        var trigger = dialog();
        _setValue(_get(trigger, Checkbox.class, spec -> spec.withLabel("Global: runs for every action on the collection, bound to a button or not")), true);
        refused(trigger);
        _setValue(_get(trigger, CheckboxGroup.class, spec -> spec.withLabel("On these actions")), Set.of("destroy"));
        accepted(trigger);

        // a test run: a context that is not JSON is refused on it, then it runs
        _click(button("Test run"));
        var run = dialog();
        _setValue(_get(run, TextArea.class, spec -> spec.withLabel("Context (JSON)")), "{bad");
        refused(run, "Run");
        _setValue(_get(run, TextArea.class, spec -> spec.withLabel("Context (JSON)")), "{\"data\": {\"stock\": 1}}");
        accepted(run, "Run");

        // every workflow of the demo, copied: each node and the trigger opened and saved as they are change nothing
        for (WorkflowDefinition original : workflows.list().stream().filter(w -> w.current()
                && DEMO.contains(String.valueOf(w.triggerConfig().get("collection")))).toList()) {
            var copy = workflows.create(new WorkflowDraft("Copy of " + original.title() + " " + s, original.description(),
                    original.triggerType(), original.triggerConfig(), original.synchronous(), original.retries()));
            copy = workflows.updateGraph(copy.id(), original.graph());
            navigate("admin/workflows/" + copy.id());
            for (String key : cards()) {
                _click(_get(Div.class, spec -> spec.withAttribute("data-node", key)));
                accepted(dialog());
            }
            _click(_get(Div.class, spec -> spec.withClasses("af-trigger-card")));
            accepted(dialog());
            var saved = workflows.get(copy.id());
            assertThat(saved.graph()).as("the nodes of %s saved as they were", original.title()).isEqualTo(original.graph());
            assertThat(saved.triggerConfig()).as("the trigger of %s saved as it was", original.title()).isEqualTo(original.triggerConfig());
        }
    }

    // ---- every text input, given 10,000 characters ----

    @Test
    void every_text_input_of_the_admin_dialogs_takes_ten_thousand_characters_without_an_error_page() {
        String parts = "fparts_" + s;
        collections.create(new io.actionflow.collections.CollectionDraft(parts, "Flood parts " + s, null, null));
        collections.addField(parts, io.actionflow.collections.FieldDraft.of("code", FieldType.TEXT,
                io.actionflow.collections.FieldSettings.titled("Code")));
        var workflow = workflows.create(new WorkflowDraft("Flood " + s, null, TriggerType.POST_ACTION,
                java.util.Map.of("collection", parts), false, 0));
        var page = pages.create(new io.actionflow.pages.PageDraft("Flood " + s, null, null, 1, Set.of(io.actionflow.platform.Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new io.actionflow.pages.BlockDraft(io.actionflow.pages.BlockType.TABLE, parts, null, 0,
                List.of(), null, 10, null));
        long pageId = page.id();

        flood("admin/collections", () -> _click(button("New collection")));
        flood("admin/collections/" + parts, () -> _click(button("Edit collection")));
        flood("admin/collections/" + parts, () -> _click(button("Add field")));
        flood("admin/users", () -> _click(button("New user")));
        flood("admin/roles", () -> _click(button("New role")));
        flood("admin/pages", () -> _click(button("New page")));
        flood("admin/workflows", () -> _click(button("New workflow")));
        flood("admin/workflows", () -> _click(button("Import")));
        for (String type : List.of("query", "update", "create", "request", "notification", "delay", "loop", "response-message",
                "calculation", "condition", "end")) {
            flood("admin/workflows/" + workflow.id(), () -> {
                _click(slot("main:0"));
                select(dialog(), "Type", type);
            });
        }
        DesignMode.set(true);
        try {
            String slug = page(pageId).slug();
            flood("p/" + slug, () -> _click(button("Add block")));
            flood("p/" + slug, () -> clickMenu(chipMenu("Add new"), "Configure…"));
            // an icon that is no icon is refused on its input
            navigate("p/" + slug);
            clickMenu(chipMenu("Add new"), "Configure…");
            var configure = dialog();
            _setValue(_get(configure, TextField.class, spec -> spec.withLabel("Icon")), "abc");
            refused(configure);
            assertThat(_get(configure, TextField.class, spec -> spec.withLabel("Icon")).getErrorMessage()).startsWith("There is no icon abc");
            configure.close();
        } finally {
            DesignMode.set(false);
        }
        assertThat(collections.find(parts).orElseThrow().title()).isEqualTo("Flood parts " + s);
    }

    /**
     * Opens a dialog on {@code path}, puts 10,000 characters into each of its text inputs and saves: the save is
     * refused on its inputs or done, never an error page; then the dialog is closed.
     */
    private void flood(String path, Runnable open) {
        navigate(path);
        NotificationsKt.clearNotifications();
        open.run();
        var dialog = dialog();
        String long10k = "x".repeat(10_000);
        int filled = 0;
        for (Component input : _find(dialog, Component.class)) {
            if (input instanceof com.vaadin.flow.component.textfield.TextFieldBase<?, ?> && input instanceof com.vaadin.flow.component.HasValue<?, ?> value
                    && value.getValue() instanceof String && !value.isReadOnly() && input.isVisible()) {
                @SuppressWarnings("unchecked")
                var text = (com.vaadin.flow.component.HasValue<?, String>) value;
                _setValue(text, long10k);
                filled++;
            }
        }
        assertThat(filled).as("text inputs filled on %s", path).isPositive();
        var save = _find(dialog, Button.class).stream().filter(b -> List.of("Save", "Submit", "Import", "Create").contains(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Save in the dialog on " + path));
        _click(save);
        noGenericErrorShown();
        if (dialog.isOpened()) {
            var invalid = _find(dialog, Component.class).stream().filter(c -> c instanceof HasValidation v && v.isInvalid()
                    && v.getErrorMessage() != null && !v.getErrorMessage().isBlank()).toList();
            assertThat(invalid).as("a field of the dialog on %s says why it was refused; notices %s", path, notices()).isNotEmpty();
            dialog.close();
        }
    }

    private static Button slot(String slot) {
        return _get(Button.class, spec -> spec.withAttribute("data-slot", slot));
    }

    private static List<String> cards() {
        return _find(Div.class, spec -> spec.withClasses("af-card-node")).stream()
                .map(d -> d.getElement().getAttribute("data-node")).filter(java.util.Objects::nonNull).toList();
    }

    // ---- helpers ----

    private static Button button(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    private static Dialog dialog() {
        var open = _find(Dialog.class).stream().filter(Dialog::isOpened).toList();
        assertThat(open).as("one dialog open").hasSize(1);
        return open.getFirst();
    }

    /** Saving is refused: the dialog stays open, a field of it says why, and no generic error shows. */
    private static void refused(Dialog dialog) {
        refused(dialog, "Save");
    }

    private static void refused(Dialog dialog, String save) {
        _click(_get(dialog, Button.class, spec -> spec.withText(save)));
        assertThat(dialog.isOpened()).as("a refused dialog stays open").isTrue();
        assertInvalid(dialog);
        noGenericErrorShown();
    }

    private static void assertInvalid(Dialog dialog) {
        var invalid = _find(dialog, Component.class).stream().filter(c -> c instanceof HasValidation v && v.isInvalid()
                && v.getErrorMessage() != null && !v.getErrorMessage().isBlank()).toList();
        assertThat(invalid).as("a field of the dialog says why it was refused").isNotEmpty();
    }

    /** Saving is accepted: the dialog closes, and no generic error shows. */
    private static void accepted(Dialog dialog) {
        accepted(dialog, "Save");
    }

    private static void accepted(Dialog dialog, String save) {
        _click(_get(dialog, Button.class, spec -> spec.withText(save)));
        if (dialog.isOpened()) {
            var invalid = _find(dialog, Component.class).stream().filter(c -> c instanceof HasValidation v && v.isInvalid())
                    .map(c -> c.getClass().getSimpleName() + ": " + ((HasValidation) c).getErrorMessage()).toList();
            assertThat(dialog.isOpened()).as("saved and closed; still open with %s and notices %s", invalid, notices()).isFalse();
        }
        noGenericErrorShown();
    }

    private static List<String> notices() {
        return NotificationsKt.getNotifications().stream().map(AdminDialogsGuardTest::text).toList();
    }

    private static String text(Notification notification) {
        String text = notification.getElement().getProperty("text");
        return text != null ? text : notification.getElement().getTextRecursively();
    }

    private static void noGenericErrorShown() {
        assertThat(notices()).as("no generic error").noneMatch(t -> t.startsWith("Something went wrong"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void select(Dialog dialog, String label, Object value) {
        Select select = _get(dialog, Select.class, spec -> spec.withLabel(label));
        _setValue(select, value);
    }

    @SuppressWarnings("unchecked")
    private static Grid<FieldDefinition> fieldGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumnByKey("type") != null).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<io.actionflow.platform.UserSummary> usersGrid() {
        return _find(Grid.class).stream().filter(g -> g.getColumnByKey("username") != null).findFirst().orElseThrow();
    }

    static Set<Object> unusedImports(Consumer<Object> a, Div b, ComboBox<?> c, CheckboxGroup<?> d, IntegerField e,
            PageDefinition f, TriggerType g, WorkflowDefinition h, WorkflowDraft i) {
        return Set.of();
    }
}
