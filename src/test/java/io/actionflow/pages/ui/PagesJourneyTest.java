package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonDraft;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.ui.DesignMode;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PagesJourneyTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Test
    void admin_builds_a_page_and_a_member_works_through_it() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);

        signIn("member");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Tickets board");
        navigate("p/" + slug);
        _assertNone(Component.class, spec -> spec.withClasses("af-design-bar"));
        var table = _get(TableBlockView.class);
        var form = _get(FormBlockView.class);

        // add a record with the create form
        _setValue(_get(form, TextField.class, spec -> spec.withLabel("Subject")), "Printer jam");
        selectOption(_get(form, Select.class, spec -> spec.withLabel("Priority")), "High");
        _setValue(_get(form, IntegerField.class, spec -> spec.withLabel("Hours")), 2);
        _click(_get(form, Button.class, spec -> spec.withText("Submit")));
        NotificationsKt.expectNotifications("Printer jam was created.");
        assertThat(GridKt._size(table.grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(table.grid(), 0, "subject")).isEqualTo("Printer jam");
        assertThat(_get(form, TextField.class, spec -> spec.withLabel("Subject")).getValue()).isEmpty();

        // a second click on the emptied form writes nothing: the required subject is refused on the field
        _click(_get(form, Button.class, spec -> spec.withText("Submit")));
        assertThat(_get(form, TextField.class, spec -> spec.withLabel("Subject")).getErrorMessage()).isEqualTo("This field is required.");
        assertThat(queries.count(tickets, Filter.all())).isEqualTo(1);

        // the details block follows the row clicked in the table
        GridKt._clickItem(table.grid(), 0);
        assertThat(_get(DetailsBlockView.class).getElement().getTextRecursively()).contains("Printer jam").contains("High");

        // edit it with Save
        RowClicks.click(table, 0, "Edit");
        var dialog = _get(RecordDialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Subject")), "Printer jam, tray 2");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("Printer jam, tray 2 was saved.");
        _assertNone(RecordDialog.class);
        assertThat(GridKt._getFormatted(table.grid(), 0, "subject")).isEqualTo("Printer jam, tray 2");

        // mark it with Update record
        RowClicks.click(table, 0, "Mark done");
        assertThat(GridKt._getFormatted(table.grid(), 0, "status")).isEqualTo("Done");

        // delete it after confirming
        RowClicks.click(table, 0, "Delete");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Printer jam, tray 2");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(GridKt._size(table.grid())).isZero();
        assertThat(queries.count(tickets, Filter.all())).isZero();
    }

    @Test
    void bad_input_is_refused_per_field_and_writes_nothing() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        signIn("member");
        navigate("p/" + slug);
        var form = _get(FormBlockView.class);

        _setValue(_get(form, IntegerField.class, spec -> spec.withLabel("Hours")), -3);
        _click(_get(form, Button.class, spec -> spec.withText("Submit")));

        assertThat(_get(form, TextField.class, spec -> spec.withLabel("Subject")).getErrorMessage()).isEqualTo("This field is required.");
        assertThat(_get(form, IntegerField.class, spec -> spec.withLabel("Hours")).getErrorMessage()).isEqualTo("The smallest allowed value is 0.");
        assertThat(queries.count(tickets, Filter.all())).isZero();
    }

    @Test
    void a_number_the_field_cannot_read_is_refused_on_the_field_and_nothing_is_saved() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        signIn("member");
        navigate("p/" + slug);
        var form = _get(FormBlockView.class);
        _setValue(_get(form, TextField.class, spec -> spec.withLabel("Subject")), "Printer jam");
        typeUnreadable(_get(form, IntegerField.class, spec -> spec.withLabel("Hours")), "-5abc");

        _click(_get(form, Button.class, spec -> spec.withText("Submit")));

        var hours = _get(form, IntegerField.class, spec -> spec.withLabel("Hours"));
        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isEqualTo("Enter a whole number.");
        assertThat(_get(form, TextField.class, spec -> spec.withLabel("Subject")).getValue()).isEqualTo("Printer jam");
        assertThat(queries.count(tickets, Filter.all())).isZero();

        // the same in the dialog that Add new opens
        _click(_get(_get(TableBlockView.class), Button.class, spec -> spec.withText("Add new")));
        var dialog = _get(RecordDialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Subject")), "Printer jam");
        typeUnreadable(_get(dialog, IntegerField.class, spec -> spec.withLabel("Hours")), "12e");
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        assertThat(_get(dialog, IntegerField.class, spec -> spec.withLabel("Hours")).getErrorMessage()).isEqualTo("Enter a whole number.");
        assertThat(queries.count(tickets, Filter.all())).isZero();

        // once it holds a number, it saves
        _setValue(_get(dialog, IntegerField.class, spec -> spec.withLabel("Hours")), 5);
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        _assertNone(RecordDialog.class);
        assertThat(queries.count(tickets, Filter.all())).isEqualTo(1);
    }

    /** What the browser reports when the input holds text it cannot parse: the text, and an empty value. */
    private static void typeUnreadable(IntegerField field, String typed) {
        field.getElement().setProperty("_inputElementValue", typed);
        try {
            var fromClient = com.vaadin.flow.component.AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            fromClient.setAccessible(true);
            fromClient.invoke(field, null, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        assertThat(field.getDefaultValidator().apply(null, new com.vaadin.flow.data.binder.ValueContext(field)).isError())
                .as("the input reports that it cannot read %s", typed).isTrue();
    }

    @Test
    void saving_a_record_deleted_meanwhile_says_so() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        signIn("member");
        StoredRecord doomed = records.create(tickets, java.util.Map.of("subject", "Old request"));
        navigate("p/" + slug);
        var table = _get(TableBlockView.class);

        RowClicks.click(table, 0, "Edit");
        records.delete(tickets, doomed.id());
        _click(_get(_get(RecordDialog.class), Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("The record " + doomed.id() + " of Tickets does not exist (any more).");
        _assertNone(RecordDialog.class);
        _assertNone(io.actionflow.platform.ui.FormDialog.class);
        assertThat(GridKt._size(table.grid())).isZero();
    }

    @Test
    void a_row_button_label_is_shown_as_text_never_as_markup_and_a_second_click_waits_for_the_first() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        var built = pages.list().stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
        String label = "${alert(1)}</vaadin-button><img src=x onerror=alert(2)>`";
        pages.addButton(built.blocks().getFirst().id(), ButtonDraft.of(ButtonKind.TRIGGER_WORKFLOW, ButtonPlacement.ROW, label,
                io.actionflow.pages.ButtonStyle.DEFAULT));
        records.create(tickets, java.util.Map.of("subject", "Old request"));
        signIn("member");
        navigate("p/" + slug);
        var table = _get(TableBlockView.class);

        // the browser draws the row buttons from a template: the admin's label is each row's data, not in it
        assertThat(RowClicks.labels(table, 0)).contains(label, "Mark done", "Delete");
        assertThat(RowClicks.template(table)).doesNotContain("alert", "<img", "Mark done");

        // Delete asks first; a second click meanwhile (the browser disabled the button) is ignored on the server too
        RowClicks.click(table, 0, "Delete");
        RowClicks.click(table, 0, "Delete");
        assertThat(_find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class)).hasSize(1);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));
        // once answered, it can be clicked again
        RowClicks.click(table, 0, "Delete");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).getLast());
        assertThat(queries.count(tickets, Filter.all())).isZero();
    }

    @Test
    void table_filter_narrows_the_rows() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        signIn("member");
        for (String subject : List.of("Broken chair", "Broken lamp", "New laptop")) {
            records.create(tickets, java.util.Map.of("subject", subject));
        }
        navigate("p/" + slug);
        var table = _get(TableBlockView.class);
        var filters = _get(table, FilterBar.class);

        @SuppressWarnings("unchecked")
        Select<io.actionflow.collections.FieldDefinition> field = _get(filters, Select.class, spec -> spec.withPlaceholder("Field"));
        _setValue(field, collections.require(tickets).requireField("subject"));
        _setValue(_get(filters, TextField.class, spec -> spec.withPlaceholder("Value")), "broken");
        _click(_get(filters, Button.class, spec -> spec.withText("Filter")));

        assertThat(GridKt._size(table.grid())).isEqualTo(2);
        assertThat(filters.getElement().getTextRecursively()).contains("Subject contains broken");

        // a second condition: all of them (none has both words), or any one of them
        _setValue(field, collections.require(tickets).requireField("subject"));
        _setValue(_get(filters, TextField.class, spec -> spec.withPlaceholder("Value")), "laptop");
        _click(_get(filters, Button.class, spec -> spec.withText("Filter")));
        assertThat(GridKt._size(table.grid())).isZero();
        @SuppressWarnings("unchecked")
        Select<String> combine = _get(filters, Select.class, spec -> spec.withValue("all"));
        _setValue(combine, "any");
        assertThat(GridKt._size(table.grid())).isEqualTo(3);
    }

    @Test
    void members_never_see_design_controls_and_only_their_pages() {
        String tickets = ticketsCollection();
        String slug = adminBuildsThePage(tickets);
        signIn("admin");
        PageDefinition adminOnly = pages.create(new io.actionflow.pages.PageDraft("Admin only " + slug, null, null, 1,
                java.util.Set.of(io.actionflow.platform.Role.ADMIN_ID)));

        signIn("member");
        DesignMode.set(true);
        navigate("p/" + slug);
        _assertNone(Component.class, spec -> spec.withClasses("af-design-bar"));
        _assertNone(Component.class, spec -> spec.withClasses("af-design-buttons"));
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain(adminOnly.title());

        navigate("p/" + adminOnly.slug());
        assertThat(_get(H2.class).getText()).isEqualTo("Access denied");
    }

    @Test
    void trigger_workflow_buttons_without_workflows_say_so_and_lists_show_cards() {
        String tickets = ticketsCollection();
        records.create(tickets, java.util.Map.of("subject", "Card one"));
        records.create(tickets, java.util.Map.of("subject", "Card two"));
        var page = pages.create(new io.actionflow.pages.PageDraft("Board " + tickets, null, null, 1,
                java.util.Set.of(io.actionflow.platform.Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new io.actionflow.pages.BlockDraft(BlockType.LIST, tickets, null, 0, List.of(), null, 25, null));
        long list = page.blocks().getFirst().id();
        pages.addButton(list, io.actionflow.pages.ButtonDraft.of(io.actionflow.pages.ButtonKind.TRIGGER_WORKFLOW,
                io.actionflow.pages.ButtonPlacement.TOOLBAR, "Escalate all", io.actionflow.pages.ButtonStyle.DEFAULT));

        signIn("member");
        navigate("p/" + page.slug());
        var view = _get(ListBlockView.class);
        @SuppressWarnings("unchecked")
        var cards = (com.vaadin.flow.component.virtuallist.VirtualList<StoredRecord>) _get(view,
                com.vaadin.flow.component.virtuallist.VirtualList.class);
        assertThat(cards.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>())).isEqualTo(2);

        _click(_get(view, Button.class, spec -> spec.withText("Escalate all")));
        NotificationsKt.expectNotifications("This button runs no workflow: an admin can bind one in design mode.");
        assertThat(queries.count(tickets, Filter.all())).isEqualTo(2);
    }

    /** Through the UI, as an admin: a page with a table (with a Mark done row action), a create form and a details block. */
    private String adminBuildsThePage(String tickets) {
        signIn("admin");
        navigate("admin/pages");
        _click(_get(Button.class, spec -> spec.withText("New page")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Tickets board");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var page = _get(PageView.class);
        assertThat(DesignMode.isOn()).isTrue();
        _get(Component.class, spec -> spec.withClasses("af-design-bar"));

        addBlock(BlockType.TABLE, tickets, null);
        addBlock(BlockType.FORM, tickets, null);
        long tableId = _get(TableBlockView.class).block().id();
        addBlock(BlockType.DETAILS, tickets, tableId);

        var tableMenu = _get(_get(TableBlockView.class), MenuBar.class, spec -> spec.withClasses("af-design-menu"));
        ContextMenuKt._clickItemWithCaption(tableMenu, "Add button");
        var dialog = _get(ButtonDialog.class);
        selectOption(_get(dialog, Select.class, spec -> spec.withLabel("What it does")), "Update record · on each record");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Label")), "Mark done");
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("preset-status")), "Done");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));

        var built = pages.list().stream().filter(p -> p.title().equals("Tickets board")).reduce((a, b) -> b).orElseThrow();
        assertThat(built.blocks()).extracting(b -> b.type()).containsExactly(BlockType.TABLE, BlockType.FORM, BlockType.DETAILS);
        assertThat(built.blocks().getFirst().buttons()).extracting(b -> b.label()).contains("Mark done");
        DesignMode.set(false);
        assertThat(page).isNotNull();
        return built.slug();
    }

    private void addBlock(BlockType type, String collection, Long source) {
        _click(_get(Button.class, spec -> spec.withText("Add block")));
        var dialog = _get(BlockDialog.class);
        @SuppressWarnings("unchecked")
        Select<BlockType> kind = _get(dialog, Select.class, spec -> spec.withLabel("Kind of block"));
        _setValue(kind, type);
        @SuppressWarnings("unchecked")
        Select<String> target = _get(dialog, Select.class, spec -> spec.withLabel("Collection"));
        _setValue(target, collection);
        if (source != null) {
            @SuppressWarnings("unchecked")
            Select<Long> follows = _get(dialog, Select.class, spec -> spec.withLabel("Follows"));
            _setValue(follows, source);
        }
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        _assertNone(BlockDialog.class);
    }

    private String ticketsCollection() {
        signIn("admin");
        String name = "tickets_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(name, "Tickets", null, null));
        collections.addField(name, FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject").withRequired(true)));
        collections.addField(name, FieldDraft.of("priority", FieldType.SINGLE_SELECT, FieldSettings.titled("Priority")
                .withOptions(List.of("Low", "High"))));
        collections.addField(name, FieldDraft.of("status", FieldType.SINGLE_SELECT, FieldSettings.titled("Status")
                .withOptions(List.of("Open", "Done")).withDefault("Open")));
        collections.addField(name, FieldDraft.of("hours", FieldType.INTEGER, FieldSettings.titled("Hours")
                .withRange(BigDecimal.ZERO, null)));
        return name;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void selectOption(Select select, String label) {
        java.util.Optional<Object> found = select.getGenericDataView().getItems()
                .filter(i -> label.equals(select.getItemLabelGenerator() == null ? String.valueOf(i)
                        : select.getItemLabelGenerator().apply(i))).findFirst();
        Object item = found.orElseThrow(IllegalArgumentException::new);
        _setValue(select, item);
    }
}
