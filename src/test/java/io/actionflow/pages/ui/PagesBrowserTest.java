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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The member's journey on a real page in Chromium, and what the admin sees in design mode. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest extends BrowserTest {

    private static String orders;
    private static String slug;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    RecordQueries queries;

    @Test
    @Order(1)
    @WithMockUser(username = "admin", roles = "admin")
    void admin_sees_the_page_in_design_mode() throws Exception {
        orders = unique("orders").replace('-', '_');
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject").withRequired(true)));
        collections.addField(orders, FieldDraft.of("amount", FieldType.DECIMAL, FieldSettings.titled("Amount")
                .withRange(BigDecimal.ZERO, null)));
        collections.addField(orders, FieldDraft.of("state", FieldType.SINGLE_SELECT, FieldSettings.titled("State")
                .withOptions(List.of("New", "Shipped")).withDefault("New")));
        var page = pages.create(new PageDraft("Orders desk", null, "vaadin:cart", 2, Set.of(Role.ADMIN_ID, Role.MEMBER_ID)));
        slug = page.slug();
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, orders, "All orders", 0, List.of(), null, 25, null));
        long table = page.blocks().getFirst().id();
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, orders, "New order", 1, List.of(), FormMode.CREATE, 25, null));
        pages.addBlock(page.id(), new BlockDraft(BlockType.DETAILS, orders, "Selected order", 1, List.of(), null, 25, table));
        var ship = ButtonDraft.of(ButtonKind.UPDATE_RECORD, ButtonPlacement.ROW, "Mark shipped", ButtonStyle.PRIMARY);
        pages.addButton(table, new ButtonDraft(ship.kind(), ship.placement(), ship.label(), "vaadin:truck", ship.style(),
                null, "Shipped!", List.of(), true, null, Map.of("state", "Shipped"), null));

        signIn("admin", "admin1234");
        open("p/" + slug);
        waitFor(By.cssSelector("vaadin-checkbox.af-design-toggle")).click();
        waitForText("Design mode: add blocks");
        waitForText("Mark shipped");
        screenshot("page-design");

        waitFor(By.xpath("//vaadin-button[normalize-space(.)='Add block']")).click();
        waitForText("Kind of block");
        screenshot("page-design-add-block");
        waitFor(By.xpath("//vaadin-button[normalize-space(.)='Cancel']")).click();
        waitFor(By.cssSelector("vaadin-checkbox.af-design-toggle")).click();
    }

    @Test
    @Order(2)
    void member_adds_edits_marks_and_deletes_a_record_on_the_real_page() throws Exception {
        signIn("member", "member1234");
        open("p/" + slug);
        waitForText("All orders");
        assertThat(visibleText()).doesNotContain("Design mode");

        type(formField("vaadin-text-field", "Subject"), "Standing desk");
        type(formField("vaadin-big-decimal-field", "Amount"), "-5");
        click(formButton("Submit"));
        waitForText("The smallest allowed value is 0.");
        screenshot("page-form-error");
        assertThat(queries.count(orders, Filter.all())).isZero();

        WebElement amount = formField("vaadin-big-decimal-field", "Amount");
        amount.clear();
        type(amount, "480.50");
        new Actions(browser).doubleClick(formButton("Submit")).perform();
        waitForText("Standing desk was created.");
        waitForVaadin();
        assertThat(queries.count(orders, Filter.all())).as("a double click creates one record").isEqualTo(1);
        screenshot("page-table");

        click(waitFor(By.xpath("//vaadin-grid//vaadin-button[@aria-label='Edit']")));
        WebElement subject = waitFor(By.xpath("//vaadin-dialog//vaadin-text-field[label[normalize-space(.)='Subject']]//input"));
        subject.clear();
        type(subject, "Standing desk, oak");
        screenshot("page-edit-dialog");
        click(waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Save']")));
        waitForText("Standing desk, oak was saved.");

        click(waitFor(By.xpath("//vaadin-grid//vaadin-button[normalize-space(.)='Mark shipped']")));
        waitForText("Shipped!");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> queries.find(orders,
                io.actionflow.collections.RecordQuery.firstPage(5)).getFirst().get("state").equals("Shipped"));

        click(waitFor(By.xpath("//vaadin-grid//vaadin-button[@aria-label='Delete']")));
        waitForText("Delete Standing desk, oak?");
        screenshot("page-delete-confirm");
        click(waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button']")));
        waitForText("Deleted.");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> queries.count(orders, Filter.all()) == 0);
        waitForText("No records");
    }

    @Test
    @Order(3)
    void member_sets_their_own_columns_by_dialog_and_by_dragging_and_they_stay() throws Exception {
        signIn("member", "member1234");
        open("p/" + slug);
        waitForText("All orders");
        click(waitFor(By.xpath("//vaadin-button[normalize-space(.)='Columns']")));
        waitForText("Your columns");
        click(waitFor(By.xpath("//vaadin-dialog//vaadin-checkbox[normalize-space(.)='Amount']")));
        WebElement width = waitFor(By.xpath("//vaadin-dialog//div[@data-field='subject']//vaadin-integer-field//input"));
        type(width, "10");
        click(waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Save']")));
        waitForText("Give a width from 40 to 2000 pixels");
        screenshot("columns-dialog-refused");
        width.clear();
        type(width, "220");
        click(waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
        screenshot("columns-applied");
        assertThat(headers()).containsExactly("Subject", "State");

        // a real drag of the Subject column's edge: kept as the new width
        var grid = waitFor(By.cssSelector("vaadin-grid"));
        var handle = grid.getShadowRoot().findElement(By.cssSelector("th [part~='resize-handle']"));
        new Actions(browser).clickAndHold(handle).moveByOffset(80, 0).release().perform();
        waitForVaadin();
        Thread.sleep(500);
        open("p/" + slug);
        waitForText("All orders");
        assertThat(headers()).as("kept for the member").containsExactly("Subject", "State");
        screenshot("columns-after-drag");
        Number subjectWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('vaadin-grid').querySelector('vaadin-grid-column');"
                        + "return c ? parseFloat(c.width) : -1;");
        assertThat(subjectWidth.doubleValue()).as("the dragged width, kept").isGreaterThan(260);
    }

    /** The texts of the visible column headers of the page's table, left to right, without the row actions. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> headers() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const grid = document.querySelector('vaadin-grid');"
                + "return [...grid.shadowRoot.querySelectorAll('thead th')]"
                + ".filter(th => th.offsetWidth > 0 && !th.hidden)"
                + ".sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)"
                + ".map(th => { const slot = th.querySelector('slot'); const el = slot && slot.assignedElements()[0];"
                + " return el ? el.textContent.trim() : ''; })"
                + ".filter(t => t && t !== 'Actions');");
    }

    private WebElement formField(String tag, String label) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//" + tag + "[label[normalize-space(.)='" + label + "']]//input"));
    }

    private WebElement formButton(String text) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='" + text + "']"));
    }
}
