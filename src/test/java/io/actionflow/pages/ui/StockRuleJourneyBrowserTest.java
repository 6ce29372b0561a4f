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
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
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
 * Issue 27's journey in a real browser: an admin builds "an order with items, blocked when stock is short" in the
 * workflow editor with the {@code {}} picker only (no variable typed), binds it to the order form's Submit and, from
 * design mode's view of the collection's buttons, to the table's Add new; a member is then blocked on both, and nothing
 * is saved.
 */
class StockRuleJourneyBrowserTest extends BrowserTest {

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

    private static final String DIALOG = "//vaadin-dialog";

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void an_admin_builds_the_stock_rule_with_the_picker_and_a_member_is_blocked_on_the_form_and_on_add_new() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String products = "products_" + s;
        String orders = "orders_" + s;
        String items = "items_" + s;
        // a workspace with many collections, as after the other tests: the one to choose is far down the list
        for (int i = 0; i < 40; i++) {
            collections.create(new CollectionDraft("fill_" + s + "_" + i, "Filler " + s + " " + i, null, null));
        }
        collections.create(new CollectionDraft(products, "Products " + s, null, "name"));
        collections.addField(products, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(products, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        collections.create(new CollectionDraft(orders, "Orders " + s, null, "ref"));
        collections.addField(orders, FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Reference").withRequired(true)));
        collections.create(new CollectionDraft(items, "Order items " + s, null, null));
        collections.addField(items, FieldDraft.relation("parent_order", orders, "items", FieldSettings.titled("Order")));
        collections.addField(items, FieldDraft.relation("product", products, null, FieldSettings.titled("Product")));
        collections.addField(items, FieldDraft.of("qty", FieldType.INTEGER, FieldSettings.titled("Quantity")));
        records.create(products, Map.of("name", "Widget " + s, "stock", 5));
        var page = pages.create(new PageDraft("Shop " + s, null, "vaadin:cart", 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, null, 0, List.of("ref"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, orders, "New order", 0, List.of("ref", "items"), FormMode.CREATE, 0, null));

        // the workflow, through the UI: a pre-action on the orders
        signIn("admin", "admin1234");
        open("admin/workflows");
        click(waitFor(By.xpath("//vaadin-button[normalize-space(.)='New workflow']")));
        type(waitFor(By.xpath(DIALOG + "//vaadin-text-field[label[normalize-space(.)='Title']]//input")), "Stock rule " + s);
        select("Trigger", "Pre-action event");
        select("Collection", "Orders " + s);
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Save']")));
        waitForText("Stock rule " + s);
        waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='main:0']"));

        // a loop over the submitted items, picked
        addNode("main:0", "Loop");
        pick("target", "Record", "$context.data.items");
        assertThat(settingValue("target")).isEqualTo("{{$context.data.items}}");
        saveNode();

        // in the loop: the item's product, found by its id, picked from the loop's item
        addNode("loop1.body:0", "Query records");
        var collection = waitFor(By.xpath(DIALOG + "//vaadin-combo-box[@data-setting='collection']//input"));
        type(collection, "Products " + s);
        click(waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.),'Products " + s + "')]")));
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Add a condition']")));
        var value = waitFor(By.xpath(DIALOG + "//vaadin-text-field[contains(@class,'af-setting-value')]"));
        pickInto(value, "Loop", "$scopes.loop1.item.product");
        assertThat(value.findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("{{$scopes.loop1.item.product}}");
        saveNode();

        // then: is its stock below the quantity? both sides picked, only the comparison typed
        addNode("loop1.body:1", "Condition");
        var expression = waitFor(By.xpath(DIALOG + "//vaadin-text-field[@data-setting='expression']"));
        pickInto(expression, "Node", "$jobsMapByNodeKey.query1.stock");
        var input = expression.findElement(By.cssSelector("input"));
        input.click();
        input.sendKeys(Keys.END, " < ");
        pickInto(expression, "Loop", "$scopes.loop1.item.qty");
        waitUntil(() -> "{{$jobsMapByNodeKey.query1.stock}} < {{$scopes.loop1.item.qty}}".equals(input.getDomProperty("value")),
                () -> "expression: " + input.getDomProperty("value"));
        saveNode();

        // yes: say which product, and stop the order
        addNode("condition1.yes:0", "Response message");
        var message = waitFor(By.xpath(DIALOG + "//vaadin-text-area[@data-setting='message']"));
        type(message.findElement(By.cssSelector("textarea")), "Not enough stock of");
        pickInto(message, "Node", "$jobsMapByNodeKey.query1.name");
        saveNode();
        addNode("condition1.yes:1", "End");
        select("End as", "Failure");
        saveNode();
        screenshot("stock-rule-canvas");

        click(waitFor(By.xpath("//vaadin-button[normalize-space(.)='Enable']")));
        waitForText("Workflow Stock rule " + s + " is enabled.");
        WorkflowDefinition rule = workflows.list().stream().filter(w -> w.title().equals("Stock rule " + s)).findFirst().orElseThrow();
        assertThat(rule.enabled()).isTrue();

        // bound to the form's Submit in its Bind dialog, then to Add new from the view of the collection's buttons
        open("p/" + page.slug());
        waitFor(By.cssSelector("vaadin-checkbox.af-design-toggle")).click();
        waitForText("Design mode");
        click(waitFor(By.xpath("//div[contains(@class,'af-design-chip')][span[normalize-space(.)='Submit']]//vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Bind workflows…']")));
        var add = waitFor(By.xpath(DIALOG + "//vaadin-combo-box[label[normalize-space(.)='Add a workflow']]//input"));
        type(add, "Stock rule " + s);
        click(waitFor(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.),'Stock rule " + s + "')]")));
        waitForText("Add new on Shop " + s);
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Save']")));
        waitForText("Workflows of Submit saved.");
        screenshot("stock-rule-bound");

        var blockMenu = present(By.xpath("//div[contains(@class,'af-block-table')]//vaadin-menu-bar[contains(@class,'af-design-menu')]"));
        scrollTo(blockMenu);
        click(new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "the table's block menu: " + blockMenu.getDomProperty("outerHTML"))
                .until(d -> blockMenu.findElements(By.cssSelector("vaadin-menu-bar-button")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Buttons that write Orders " + s + "…']")));
        waitForText("“Stock rule " + s + "” does not run on: Add new on Shop " + s);
        screenshot("stock-rule-buttons");
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Bind to all']")));
        waitForText("Stock rule " + s + " is now bound to one more button.");
        var addNew = pages.open(page.slug()).blocks().getFirst().buttons().stream().filter(b -> b.kind() == ButtonKind.ADD_NEW)
                .findFirst().orElseThrow();
        assertThat(addNew.bindings()).extracting(b -> b.workflowKey()).containsExactly(rule.key());

        // the member: blocked on the form
        signIn("member", "member1234");
        open("p/" + page.slug());
        waitForText("New order");
        String form = "//div[contains(@class,'af-block-form')]";
        type(waitFor(By.xpath(form + "//vaadin-text-field[label[normalize-space(.)='Reference']]//input")), "A-" + s);
        orderLine(form, "Order items " + s, "Widget " + s, "30");
        click(waitFor(By.xpath(form + "//vaadin-button[normalize-space(.)='Submit']")));
        waitForText("Not enough stock of Widget " + s);
        screenshot("stock-rule-form-blocked");
        assertThat(queries.count(orders, Filter.all())).isZero();

        // and in the Add new dialog
        click(present(By.xpath("//vaadin-button[@data-kind='ADD_NEW']")));
        type(waitFor(By.xpath(DIALOG + "//vaadin-text-field[label[normalize-space(.)='Reference']]//input")), "B-" + s);
        orderLine(DIALOG, "Order items " + s, "Widget " + s, "40");
        screenshot("stock-rule-add-new");
        // the form's notice may still be up: this one is a second
        var notice = By.xpath("//vaadin-notification-card[contains(normalize-space(.),'Not enough stock of Widget " + s + "')]");
        int before = browser.findElements(notice).size();
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Submit']")));
        waitUntil(() -> browser.findElements(notice).size() > before, () -> "a second notice: " + visibleText());
        screenshot("stock-rule-add-new-blocked");
        assertThat(browser.findElements(By.xpath(DIALOG))).as("the dialog stays open with what was typed").isNotEmpty();
        assertThat(queries.count(orders, Filter.all())).isZero();
        assertThat(queries.count(items, Filter.all())).isZero();
    }

    /** Opens Insert a node here at a slot and chooses the node's type. */
    private void addNode(String slot, String type) {
        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='" + slot + "']")));
        waitForText("Add a node");
        select("Type", type);
    }

    private void saveNode() {
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.xpath(DIALOG)).isEmpty());
    }

    /** Opens a select and clicks the option, scrolled into sight: a long list (every collection) shows only a part. */
    private void select(String label, String option) {
        click(waitFor(By.xpath(DIALOG + "//vaadin-select[label[normalize-space(.)='" + label + "']]")));
        click(present(By.xpath("//vaadin-select-item[normalize-space(.)='" + option + "']")));
    }

    private void pick(String setting, String heading, String variable) {
        pickInto(waitFor(By.xpath(DIALOG + "//*[@data-setting='" + setting + "']")), heading, variable);
    }

    /** The {} beside a field: a heading (the first that starts so), then the variable by its path. */
    private void pickInto(WebElement field, String heading, String variable) {
        click(field.findElement(By.cssSelector("vaadin-menu-bar.af-variable-picker vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[starts-with(normalize-space(.),'" + heading + "')]")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[@data-variable='" + variable + "']")));
    }

    private String settingValue(String setting) {
        return waitFor(By.xpath(DIALOG + "//*[@data-setting='" + setting + "']//input")).getDomProperty("value");
    }

    /** Adds a row to the order's items and fills it: the product picked from its list, the quantity typed. */
    private void orderLine(String scope, String rows, String product, String quantity) {
        click(waitFor(By.xpath(scope + "//vaadin-button[normalize-space(.)='Add a row to " + rows + "']")));
        var row = scope + "//div[contains(@class,'af-row-line')][1]";
        var picker = waitFor(By.xpath(row + "//vaadin-combo-box//input"));
        var item = By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + product + "']");
        for (int attempt = 1; ; attempt++) {
            if (attempt == 1) {
                type(picker, product);
            } else {
                picker.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                waitForVaadin();
                picker.sendKeys(Keys.ARROW_DOWN);
            }
            try {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(item).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
                break;
            } catch (TimeoutException slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
        waitForVaadin();
        type(waitFor(By.xpath(row + "//vaadin-integer-field[label[normalize-space(.)='Quantity']]//input")), quantity);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> said) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(said).until(d -> condition.getAsBoolean());
    }
}
