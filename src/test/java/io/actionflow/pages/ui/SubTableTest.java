package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.Visibility;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An order's items edited in the Edit dialog of its table: shown as rows, changed, removed, refused per row. */
class SubTableTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Autowired
    io.actionflow.workflow.WorkflowService workflows;

    @Test
    void the_rows_of_an_order_are_edited_with_it_and_a_bad_row_is_refused_on_its_input() {
        signIn("admin");
        String s = ordersWithLines();
        String orders = ordersOf;
        long order = records.create(orders, Map.of("ref", "A-1", "lines", List.of(Map.of("qty", 1), Map.of("qty", 2)))).id();
        var page = pages.create(new PageDraft("Orders " + s, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("ref", "lines"), null, 10, null));

        signIn("member");
        navigate("p/" + page.slug());
        var table = _get(TableBlockView.class);
        assertThat(GridKt._getFormatted(table.grid(), 0, "lines")).isEqualTo("2");
        // a row's card is made of components only at phone width; on a wide screen the browser draws its buttons
        assertThat(table.grid().getColumnByKey("card").getRenderer()).isNotInstanceOf(com.vaadin.flow.data.renderer.ComponentRenderer.class);
        assertThat(RowClicks.labels(table, 0)).contains("Edit");
        table.layoutFor(390);
        assertThat(_find(GridKt._getCellComponent(table.grid(), 0, "card"), Button.class)).isNotEmpty();
        table.layoutFor(1280);
        assertThat(table.grid().getColumnByKey("card").getRenderer()).isNotInstanceOf(com.vaadin.flow.data.renderer.ComponentRenderer.class);
        // no block follows this table: a click on a row opens the record
        GridKt._clickItem(table.grid(), 0);
        assertThat(_get(RecordDialog.class).getElement().getTextRecursively()).contains("A-1");
        _get(RecordDialog.class).close();
        RowClicks.click(table, 0, "Edit");
        var dialog = _get(RecordDialog.class);
        var rows = _get(dialog, RowsEditor.class);
        var quantities = _find(rows, IntegerField.class);
        assertThat(quantities).extracting(IntegerField::getValue).containsExactly(1, 2);

        // a row that cannot hold: refused on that row's input, nothing changed
        _setValue(quantities.get(1), 0);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(quantities.get(1).getErrorMessage()).isEqualTo("The smallest allowed value is 1.");
        assertThat(children(order)).containsExactly(1L, 2L);

        // the first changed, the second removed, a third added
        _setValue(quantities.get(0), 5);
        _click(_find(rows, Button.class, spec -> spec.withAttribute("aria-label", "Remove this row")).get(1));
        _click(_get(rows, Button.class, spec -> spec.withText("Add a row to Lines")));
        _setValue(_find(rows, IntegerField.class).getLast(), 7);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(_find(RecordDialog.class)).isEmpty();
        assertThat(children(order)).containsExactly(5L, 7L);
    }

    @Test
    void a_blank_new_row_is_not_sent_errors_land_on_the_right_row_and_a_rule_reading_an_empty_value_finds_nothing() {
        signIn("admin");
        String s = ordersWithLines();
        String orders = ordersOf;
        // a global rule that looks each row's order up: a new row has none yet (the value comes out empty)
        var rule = workflows.create(new io.actionflow.workflow.WorkflowDraft("Look up " + s, null,
                io.actionflow.triggers.TriggerType.PRE_ACTION, Map.of("collection", orders, "global", true, "actions", List.of("create", "update")), true, 0));
        workflows.updateGraph(rule.id(), new io.actionflow.workflow.engine.WorkflowGraph(List.of(
                new io.actionflow.workflow.engine.NodeDef("each", "loop", null, Map.of("target", "{{$context.data.lines}}"),
                        Map.of("body", List.of(io.actionflow.workflow.engine.NodeDef.of("find", "query", Map.of("collection", orders,
                                "filter", List.of(Map.of("field", "id", "value", "{{$scopes.each.item.parent_order}}"))))))))));
        workflows.enable(rule.id());
        var page = pages.create(new PageDraft("Orders " + s, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("ref", "lines"), null, 10, null));

        signIn("member");
        navigate("p/" + page.slug());
        _click(_get(_get(TableBlockView.class), Button.class, spec -> spec.withText("Add new")));
        var dialog = _get(RecordDialog.class);
        _setValue(_get(dialog, com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Reference")), "B-2");
        var rows = _get(dialog, RowsEditor.class);
        _click(_get(rows, Button.class, spec -> spec.withText("Add a row to Lines")));
        _click(_get(rows, Button.class, spec -> spec.withText("Add a row to Lines")));
        var quantities = _find(rows, IntegerField.class);
        _setValue(quantities.get(1), 0);
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        // the blank first row was left out; the refusal of the second lands on the second
        assertThat(quantities.get(1).getErrorMessage()).isEqualTo("The smallest allowed value is 1.");
        assertThat(quantities.get(0).isInvalid()).isFalse();
        assertThat(queries.count(orders, io.actionflow.collections.Filter.all())).isZero();

        _setValue(quantities.get(1), 3);
        _click(_get(dialog, Button.class, spec -> spec.withText("Submit")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).extracting(
                n -> n.getElement().getProperty("text", n.getElement().getTextRecursively())).noneMatch(t -> t.contains("refused") || t.contains("filter"));
        assertThat(_find(RecordDialog.class)).isEmpty();
        long order = queries.find(orders, new io.actionflow.collections.RecordQuery(io.actionflow.collections.Filter.all(), List.of(), 0, 10))
                .getFirst().id();
        assertThat(children(order)).containsExactly(3L);
    }

    private String ordersOf;

    /** Orders with a sub-table of lines (a quantity of at least 1); the orders' name is kept in {@link #ordersOf}. */
    private String ordersWithLines() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        ordersOf = "orders_" + s;
        String lines = "lines_" + s;
        collections.create(new CollectionDraft(ordersOf, "Orders", null, "ref"));
        collections.addField(ordersOf, FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Reference")));
        collections.create(new CollectionDraft(lines, "Lines", null, null));
        collections.addField(lines, FieldDraft.relation("parent_order", ordersOf, "lines", FieldSettings.titled("Order")));
        collections.addField(lines, FieldDraft.of("qty", FieldType.INTEGER, FieldSettings.titled("Quantity")
                .withRange(java.math.BigDecimal.ONE, null)));
        return s;
    }

    private List<Object> children(long order) {
        return queries.children(ordersOf, order, "lines", Visibility.ALL).stream().map(r -> r.get("qty")).toList();
    }
}
