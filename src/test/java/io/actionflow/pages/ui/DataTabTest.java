package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.tabs.TabSheet;
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
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A collection's Data tab: records added, refused, changed and deleted there go through the dispatcher (issue 14.10). */
class DataTabTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Test
    void admin_adds_changes_and_deletes_records_in_the_data_tab_and_global_workflows_apply() {
        signIn("admin");
        String books = "books_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(books, "Books", null, "heading"));
        collections.addField(books, FieldDraft.of("heading", FieldType.TEXT, FieldSettings.titled("Heading").withRequired(true)));
        collections.addField(books, FieldDraft.of("page_count", FieldType.INTEGER, FieldSettings.titled("Pages")));
        records.create(books, Map.of("heading", "Dune", "page_count", 412));
        // a global pre-action that refuses every delete on the collection
        var guard = workflows.create(new WorkflowDraft("Keep books", null, TriggerType.PRE_ACTION,
                Map.of("collection", books, "global", true, "actions", List.of("destroy")), true, 0));
        workflows.updateGraph(guard.id(), new WorkflowGraph(List.of(
                NodeDef.of("say", "response-message", Map.of("message", "Books are kept.")),
                NodeDef.of("stop", "end", Map.of("status", "fail")))));
        workflows.enable(guard.id());

        navigate("admin/collections/" + books);
        _get(TabSheet.class).setSelectedIndex(1);
        var table = _get(TableBlockView.class);
        assertThat(GridKt._getFormatted(table.grid(), 0, "heading")).isEqualTo("Dune");

        // Add new, first without its required heading
        _click(_get(table, Button.class, spec -> spec.withText("Add new")));
        var dialog = _get(RecordDialog.class);
        _setValue(_get(dialog, IntegerField.class, spec -> spec.withLabel("Pages")), 180);
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        var heading = _get(dialog, TextField.class, spec -> spec.withLabel("Heading"));
        assertThat(heading.isInvalid()).isTrue();
        assertThat(queries.count(books, Filter.all())).isEqualTo(1);
        _setValue(heading, "Emma");
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        _assertNone(RecordDialog.class);
        var emma = queries.find(books, io.actionflow.collections.RecordQuery.firstPage(1).filteredBy(Filter.where("heading", Filter.Operator.EQ, "Emma"))).getFirst();
        assertThat(emma.createdBy()).as("the operator is the creator, as on any page").isNotNull();
        assertThat(GridKt._size(table.grid())).isEqualTo(2);

        // Edit
        RowClicks.click(table, 1, "Edit");
        var edit = _get(RecordDialog.class);
        _setValue(_get(edit, IntegerField.class, spec -> spec.withLabel("Pages")), 474);
        _click(_get(edit, Button.class, spec -> spec.withText("Save")));
        assertThat(queries.get(books, emma.id()).orElseThrow().get("page_count")).isEqualTo(474L);

        // Delete: the global pre-action refuses it, and says why
        NotificationsKt.clearNotifications();
        RowClicks.click(table, 1, "Delete");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications("Books are kept.");
        assertThat(queries.count(books, Filter.all())).isEqualTo(2);

        // without the guard it goes
        workflows.disable(guard.id());
        RowClicks.click(table, 1, "Delete");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(queries.count(books, Filter.all())).isEqualTo(1);
    }

    @Test
    void the_users_collection_stays_read_only_in_its_data_tab() {
        signIn("admin");
        navigate("admin/collections/users");
        _get(TabSheet.class).setSelectedIndex(1);
        _assertNone(TableBlockView.class);
    }
}
