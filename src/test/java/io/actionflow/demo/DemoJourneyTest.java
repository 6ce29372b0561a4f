package io.actionflow.demo;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace clicked through without a browser: what its guards hold, whatever button the member uses. */
class DemoJourneyTest extends KaribuTest {

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    RecordQueries queries;

    private String inventory;

    @BeforeEach
    void demoWorkspace() {
        signIn("admin");
        if (collections.find("support_tickets").isEmpty()) {
            demo.create();
        }
        inventory = slug("Inventory");
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_selected_keeps_items_in_stock_as_the_row_delete_does() {
        signIn("member");
        navigate("p/" + inventory);
        long before = queries.count("inventory_items", Filter.all());
        Grid<StoredRecord> grid = _get(Grid.class);
        grid.asMultiSelect().select(grid.getGenericDataView().getItems().toList());

        _click(_get(Button.class, spec -> spec.withText("Delete selected")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        NotificationsKt.expectNotifications("Label printer still has 4 in stock: mark it discontinued instead.");
        assertThat(queries.count("inventory_items", Filter.all())).isEqualTo(before);
    }

    private String slug(String title) {
        return pages.list().stream().filter(p -> p.title().equals(title)).map(PageDefinition::slug).findFirst().orElseThrow();
    }
}
