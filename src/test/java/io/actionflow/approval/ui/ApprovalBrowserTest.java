package io.actionflow.approval.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.demo.DemoWorkspace;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The demo's purchase approval in two headless Chromium sessions at once: a member submits a large purchase, the
 * admin's to-do badge rises without a reload, the admin returns it, the member changes and resubmits it, the admin
 * approves, and the member finds it in the table with the approved amount.
 */
class ApprovalBrowserTest extends BrowserTest {

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    RecordQueries queries;

    @Autowired
    io.actionflow.workflow.WorkflowService workflows;

    /** The admin's browser; the member uses the class's own. */
    private static WebDriver adminBrowser;
    private static WebDriver memberBrowser;

    @AfterAll
    static void stopAdminBrowser() {
        if (adminBrowser != null) {
            adminBrowser.quit();
            adminBrowser = null;
        }
        // the class's own browser is the member's; the base class quits it
        browser = memberBrowser;
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void a_member_and_an_admin_work_an_approval_through_in_two_browsers() throws Exception {
        if (collections.find("purchase_requests").isEmpty()) {
            demo.create();
        }
        String purchases = pages.list().stream().filter(p -> p.title().equals("Purchase requests")).map(PageDefinition::slug)
                .findFirst().orElseThrow();
        String item = unique("Conference tickets");
        memberBrowser = browser;
        adminBrowser = startChromium();

        as(adminBrowser);
        signIn("admin", "admin1234");
        open("");
        String before = badge();

        // the member submits a purchase above 500: it waits for approval, nothing is saved
        as(memberBrowser);
        signIn("member", "member1234");
        open("p/" + purchases);
        waitForText("Standing desk");
        type(formField("Title"), item);
        type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-big-decimal-field[label[normalize-space(.)='Amount']]//input")),
                "1200");
        click(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='Submit']")));
        waitForText("Submitted for approval.");
        screenshot("approval-submitted");
        assertThat(titles()).doesNotContain(item);

        // the admin's badge rises while the page stays open (server push)
        as(adminBrowser);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !badge().equals(before));
        screenshot("approval-badge");
        // the approval workflow waits at its node, as the history shows
        long workflowId = workflows.list().stream().filter(w -> w.title().equals("Approve purchases above 500")).findFirst()
                .orElseThrow().id();
        open("admin/workflows/" + workflowId);
        waitForText("Manager approval");
        screenshot("approval-workflow");
        waitFor(By.xpath("//vaadin-tab[normalize-space(.)='History']")).click();
        waitForText("Waiting");
        screenshot("approval-history");
        open("todos");
        click(row(item));
        waitForText("Manager approval");
        screenshot("approval-todo");
        type(waitFor(By.cssSelector("vaadin-text-area.af-approval-comment textarea")), "Can you find cheaper tickets?");
        click(action("Return to submitter"));
        waitForText("to its submitter.");

        // the member finds it returned, lowers the amount and resubmits
        as(memberBrowser);
        open("submissions");
        click(row(item));
        waitForText("Can you find cheaper tickets?");
        var amount = waitFor(By.xpath("//div[contains(@class,'af-request-detail')]//vaadin-text-field[label[normalize-space(.)='Amount']]//input"));
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        type(amount, "950");
        type(waitFor(By.cssSelector("vaadin-text-area.af-approval-comment textarea")), "Early-bird price");
        screenshot("approval-resubmit");
        click(action("Resubmit"));
        waitForText("was resubmitted.");

        // the admin approves
        as(adminBrowser);
        open("todos");
        click(row(item));
        waitForText("Early-bird price");
        click(action("Approve"));
        waitForText("You approved");

        // the record is saved with the approved amount, and the timeline tells the whole story
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> titles().contains(item));
        as(memberBrowser);
        open("p/" + purchases);
        waitForText(item);
        waitForText("950");
        open("submissions");
        click(row(item));
        waitForText("Saved");
        String timeline = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.af-timeline').innerText"));
        assertThat(timeline).containsSubsequence("submitted it", "returned it to the submitter", "resubmitted it",
                "approved", "Approved", "Saved");
        screenshot("approval-timeline");
    }

    /** Makes the helpers drive this browser. */
    private static void as(WebDriver driver) {
        browser = driver;
    }

    private List<String> titles() {
        return queries.find("purchase_requests", new RecordQuery(Filter.all(), List.of(), 0, 500)).stream()
                .map(r -> String.valueOf(r.get("title"))).toList();
    }

    /** What the "My to-dos" badge shows; empty when hidden. */
    private String badge() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const b = document.querySelector('.af-nav-badge[data-count-of=\"todos\"]');"
                        + " return b && !b.hidden && b.offsetParent !== null ? b.textContent : '';"));
    }

    private WebElement row(String text) {
        return present(By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + text + "')]"));
    }

    private WebElement action(String text) {
        return waitFor(By.xpath("//div[contains(@class,'af-request-actions')]//vaadin-button[normalize-space(.)='" + text + "']"));
    }

    private WebElement formField(String label) {
        return waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-text-field[label[normalize-space(.)='" + label + "']]//input"));
    }
}
