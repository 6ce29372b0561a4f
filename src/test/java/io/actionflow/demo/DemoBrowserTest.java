package io.actionflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The demo workspace of a first start, clicked through by a member in headless Chromium: every workflow type at work. */
class DemoBrowserTest extends BrowserTest {

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    RecordQueries queries;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void a_member_clicks_through_the_demo_and_every_workflow_type_answers() throws Exception {
        if (collections.find("support_tickets").isEmpty()) {
            demo.create();
        }
        String tickets = slug("Support tickets");
        String inventory = slug("Inventory");
        String purchases = slug("Purchase requests");
        long ticketsBefore = queries.count("support_tickets", Filter.all());

        signIn("member", "member1234");

        // a pre-action blocks an urgent ticket without a description: nothing is saved
        open("p/" + tickets);
        waitForText("Printer on floor 2 jams");
        type(formField("vaadin-text-field", "Subject"), "Server room is flooding");
        choose("Priority", "Urgent");
        click(formButton("Submit"));
        waitForText("Urgent tickets need a description");
        screenshot("demo-ticket-blocked");
        assertThat(queries.count("support_tickets", Filter.all())).isEqualTo(ticketsBefore);

        // with a description it is saved, and the asynchronous post-action notifies the admin
        type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-text-area[label[normalize-space(.)='Description']]//textarea")),
                "Water under the racks since 7am.");
        click(formButton("Submit"));
        waitForText("Server room is flooding was created.");
        assertThat(formButton("Submit").getAttribute("af-busy")).as("busy only while the click runs").isNull();
        // how a running click looks (the server answers too fast here to catch it in the act)
        WebElement submit = formButton("Submit");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].setAttribute('af-busy', '')", submit);
        screenshot("demo-button-busy");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('af-busy')", submit);

        // a custom action on a row
        click(present(By.xpath("(//vaadin-grid//vaadin-button[normalize-space(.)='Escalate'])[1]")));
        click(waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button']")));
        waitForText("was escalated.");
        screenshot("demo-ticket-escalated");

        // Delete is guarded by a pre-action; Update record runs a synchronous post-action
        open("p/" + inventory);
        waitForText("Label printer");
        click(present(By.xpath("(//vaadin-grid//vaadin-button[@aria-label='Delete'])[1]")));
        click(waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button']")));
        waitForText("still has 4 in stock: mark it discontinued instead.");
        screenshot("demo-inventory-guarded");
        assertThat(queries.count("inventory_items", Filter.all())).isEqualTo(2);
        click(present(By.xpath("(//vaadin-grid//vaadin-button[normalize-space(.)='Mark discontinued'])[1]")));
        click(waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button']")));
        waitForText("Label printer is discontinued and noted in the stock log.");

        // a purchase request; the admin then finds both notifications in the inbox
        open("p/" + purchases);
        waitForText("Standing desk");
        type(formField("vaadin-text-field", "Title"), "Second monitor");
        type(formField("vaadin-big-decimal-field", "Amount"), "230");
        click(formButton("Submit"));
        waitForText("Second monitor was created.");

        signIn("admin", "admin1234");
        open("");
        new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            open("");
            return browser.findElements(By.cssSelector(".af-inbox-badge")).stream().anyMatch(WebElement::isDisplayed);
        });
        waitFor(By.cssSelector(".af-inbox-bell")).click();
        waitForText("Server room is flooding (Urgent)");
        waitForText("asks for Second monitor");
        screenshot("demo-admin-inbox");

        // the admin sees what Submit runs, in design mode
        open("p/" + tickets);
        waitForText("Printer on floor 2 jams");
        click(waitFor(By.cssSelector("vaadin-checkbox.af-design-toggle")));
        click(present(By.xpath("//div[contains(@class,'af-design-chip')][span[normalize-space(.)='Submit']]//vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Bind workflows…']")));
        waitForText("What a click runs");
        waitForText("Urgent tickets need a description");
        screenshot("demo-bind-workflows");
    }

    private String slug(String title) {
        return pages.list().stream().filter(p -> p.title().equals(title)).map(PageDefinition::slug).findFirst().orElseThrow();
    }

    private WebElement formField(String tag, String label) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//" + tag + "[label[normalize-space(.)='" + label + "']]//input"));
    }

    private WebElement formButton(String text) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='" + text + "']"));
    }

    private void choose(String label, String option) {
        var select = waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-select[label[normalize-space(.)='" + label + "']]"));
        scrollTo(select);
        select.click();
        waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='" + option + "']")).click();
        waitForVaadin();
    }
}
