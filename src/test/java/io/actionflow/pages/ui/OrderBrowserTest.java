package io.actionflow.pages.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The handbook's order, typed by a member in a real browser: an order with two items in one form; an item out of stock
 * refuses it with the product's name and nothing is saved; with enough stock it is saved with its items (issue 14).
 */
class OrderBrowserTest extends BrowserTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void a_member_types_an_order_with_two_items_and_the_stock_check_answers() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String products = "products_" + s;
        String orders = "orders_" + s;
        String items = "items_" + s;
        collections.create(new CollectionDraft(products, "Products", null, "name"));
        collections.addField(products, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(products, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        collections.create(new CollectionDraft(orders, "Orders", null, "ref"));
        collections.addField(orders, FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Reference").withRequired(true)));
        collections.create(new CollectionDraft(items, "Order items", null, null));
        collections.addField(items, FieldDraft.relation("parent_order", orders, "items", FieldSettings.titled("Order")));
        collections.addField(items, FieldDraft.relation("product", products, null, FieldSettings.titled("Product")));
        collections.addField(items, FieldDraft.of("qty", FieldType.INTEGER, FieldSettings.titled("Quantity")));
        records.create(products, Map.of("name", "Bolt " + s, "stock", 100));
        records.create(products, Map.of("name", "Widget " + s, "stock", 5));

        var check = workflows.create(new WorkflowDraft("Check stock " + s, null, TriggerType.PRE_ACTION, Map.of("collection", orders), true, 0));
        workflows.updateGraph(check.id(), new WorkflowGraph(List.of(
                new NodeDef("each", "loop", null, Map.of("target", "{{$context.data.items}}"), Map.of()).withBranch("body", List.of(
                        NodeDef.of("product", "query", Map.of("collection", products,
                                "filter", List.of(Map.of("field", "id", "value", "{{$scopes.each.item.product}}")))),
                        new NodeDef("short", "condition", null, Map.of("mode", "branch",
                                "expression", "{{$jobsMapByNodeKey.product.stock}} < {{$scopes.each.item.qty}}"), Map.of())
                                .withBranch("yes", List.of(
                                        NodeDef.of("say", "response-message", Map.of("message", "Product {{$jobsMapByNodeKey.product.name}} is out of stock")),
                                        NodeDef.of("stop", "end", Map.of("status", "fail"))))
                                .withBranch("no", List.of()))))));
        workflows.enable(check.id());
        var page = pages.create(new PageDraft("Orders " + s, null, "vaadin:cart", 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("ref", "items"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, orders, "New order", 0, List.of("ref", "items"), FormMode.CREATE, 0, null));
        var submit = page.blocks().get(1).buttons().stream().filter(b -> b.kind() == ButtonKind.SUBMIT).findFirst().orElseThrow();
        pages.bind(submit.id(), List.of(new WorkflowBinding(check.key(), null)));

        signIn("member", "member1234");
        open("p/" + page.slug());
        waitForText("New order");
        type(formInput("vaadin-text-field", "Reference"), "A-" + s);
        click(formButton("Add a row to Order items"));
        click(formButton("Add a row to Order items"));
        // a user looks at the whole list first: both products are shown
        var firstPicker = waitFor(By.xpath("(//div[contains(@class,'af-block-form')]//div[contains(@class,'af-row-line')])[1]//vaadin-combo-box//input"));
        type(firstPicker, "");
        firstPicker.sendKeys(Keys.ARROW_DOWN);
        waitForText("Widget " + s);
        firstPicker.sendKeys(Keys.ESCAPE);
        choose(0, "Bolt " + s);
        type(rowInput(0, "Quantity"), "2");
        choose(1, "Widget " + s);
        type(rowInput(1, "Quantity"), "30");
        screenshot("order-two-items");
        click(formButton("Submit"));
        waitForText("Product Widget " + s + " is out of stock");
        screenshot("order-out-of-stock");
        assertThat(queries.count(orders, Filter.all())).isZero();
        assertThat(queries.count(items, Filter.all())).isZero();

        // fewer widgets: saved, with both items
        var quantity = rowInput(1, "Quantity");
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        click(formButton("Submit"));
        waitForText("A-" + s + " was created.");
        assertThat(queries.count(orders, Filter.all())).isEqualTo(1);
        assertThat(queries.count(items, Filter.all())).isEqualTo(2);
        screenshot("order-saved");
    }

    private WebElement form() {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]"));
    }

    private WebElement formInput(String tag, String label) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//" + tag + "[label[normalize-space(.)='" + label + "']]//input"));
    }

    private WebElement formButton(String text) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='" + text + "']"));
    }

    private WebElement rowInput(int row, String label) {
        return waitFor(By.xpath("(//div[contains(@class,'af-block-form')]//div[contains(@class,'af-row-line')])[" + (row + 1)
                + "]//vaadin-integer-field[label[normalize-space(.)='" + label + "']]//input"));
    }

    /**
     * Picks a product in a row's relation picker by typing its name, as a user would: when the list does not show the
     * product, a user presses the down arrow to open it, then types it once more. Every row's picker keeps its items in
     * the page, hidden when closed: the item clicked is the one shown.
     */
    private void choose(int row, String product) throws IOException {
        var picker = By.xpath("(//div[contains(@class,'af-block-form')]//div[contains(@class,'af-row-line')])[" + (row + 1)
                + "]//vaadin-combo-box//input");
        var item = By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + product + "']");
        waitForVaadin();
        for (int attempt = 1; ; attempt++) {
            var input = waitFor(picker);
            if (attempt == 1) {
                type(input, product);
            } else if (attempt == 2) {
                input.sendKeys(Keys.ARROW_DOWN);
            } else {
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                waitForVaadin();
                input.sendKeys(product);
            }
            try {
                // the other row's picker keeps its own items, hidden: the one to click is the one shown
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(item).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
                break;
            } catch (TimeoutException slow) {
                screenshot("order-choose-" + row + "-" + attempt);
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
        waitForVaadin();
    }
}
