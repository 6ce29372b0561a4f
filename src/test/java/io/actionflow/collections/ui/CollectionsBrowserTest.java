package io.actionflow.collections.ui;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

class CollectionsBrowserTest extends BrowserTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void admin_sees_collections_fields_and_data() throws Exception {
        String name = unique("products").replace('-', '_');
        collections.create(new CollectionDraft(name, "Products", "What we sell", null));
        collections.addField(name, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label").withRequired(true)));
        collections.addField(name, FieldDraft.of("price", FieldType.DECIMAL, FieldSettings.titled("Price")
                .withRange(BigDecimal.ZERO, null)));
        collections.addField(name, FieldDraft.of("in_stock", FieldType.BOOLEAN, FieldSettings.titled("In stock")));
        collections.addField(name, FieldDraft.of("kind", FieldType.SINGLE_SELECT, FieldSettings.titled("Kind")
                .withOptions(List.of("Hardware", "Service"))));
        collections.addField(name, FieldDraft.relation("owner", "users", null, FieldSettings.titled("Owner")));
        long admin = 1;
        for (int i = 1; i <= 25; i++) {
            records.create(name, Map.of("label", "Product " + i, "price", i * 10 + ".5", "in_stock", i % 3 == 0,
                    "kind", i % 2 == 0 ? "Hardware" : "Service", "owner", admin));
        }

        signIn("admin", "admin1234");
        open("admin/collections");
        // the grid renders only the rows in view: other tests' collections may push Products below the fold
        waitForText("New collection");
        waitForText("Built in");
        screenshot("collections");

        open("admin/collections/" + name);
        waitForText("What we sell");
        waitForText("Single select");
        waitForText("Required");
        screenshot("collection-fields");

        waitFor(By.xpath("//vaadin-button[normalize-space(.)='Add field']")).click();
        waitForText("New field in Products");
        screenshot("field-dialog");
        waitFor(By.xpath("//vaadin-button[normalize-space(.)='Cancel']")).click();

        waitFor(By.xpath("//vaadin-tab[normalize-space(.)='Data']")).click();
        waitForText("25 records");
        waitForText("Product 1");
        waitForText("Administrator");
        screenshot("collection-data");
    }
}
