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
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.engine.WorkflowGraph;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** At a phone's width (390 × 844): a member reads a table's data and saves a form; an admin opens the editor (issue 14). */
class PhoneBrowserTest extends BrowserTest {

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

    /** Whether an element showing exactly this text is visible and inside the window's width. */
    private boolean onScreen(String text) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const wanted = arguments[0];
                const all = [];
                const walk = (root) => { for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
                walk(document);
                return all.some(el => {
                  const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                  if (own !== wanted) return false;
                  const r = el.getBoundingClientRect();
                  return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1;
                });""", text));
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void at_phone_width_the_workflow_editor_keeps_its_actions_on_the_screen() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String visits = "trips_" + s;
        collections.create(new CollectionDraft(visits, "Trips", null, null));
        var workflow = workflows.create(new WorkflowDraft("Check trips " + s, null, TriggerType.PRE_ACTION,
                Map.of("collection", visits), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                NodeDef.of("done", "end", Map.of("status", "success")))));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            signIn("admin", "admin1234");
            open("admin/workflows/" + workflow.id());
            waitForText("Check trips " + s);
            screenshot("phone-workflow-editor");
            for (String action : List.of("Test run", "Export", "Enable")) {
                assertThat(onScreen(action)).as(action + " is on the screen").isTrue();
            }
            click(waitFor(By.cssSelector(".af-trigger-card")));
            waitForText("Trigger of Check trips " + s);
            screenshot("phone-trigger-dialog");
            assertThat(onScreen("Cancel")).as("the trigger dialog's buttons are on the screen").isTrue();
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void at_phone_width_the_data_and_the_form_are_usable() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String visits = "visits_" + s;
        collections.create(new CollectionDraft(visits, "Visits", null, "customer"));
        collections.addField(visits, FieldDraft.of("customer", FieldType.TEXT, FieldSettings.titled("Customer").withRequired(true)));
        collections.addField(visits, FieldDraft.of("city", FieldType.TEXT, FieldSettings.titled("City")));
        collections.addField(visits, FieldDraft.of("hours", FieldType.INTEGER, FieldSettings.titled("Hours")));
        collections.addField(visits, FieldDraft.of("notes", FieldType.LONG_TEXT, FieldSettings.titled("Notes")));
        records.create(visits, Map.of("customer", "Acme " + s, "city", "Ghent", "hours", 3));
        var page = pages.create(new PageDraft("Visits " + s, null, "vaadin:car", 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, visits, null, 0, List.of("customer", "city", "hours"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, visits, "New visit", 0, List.of("customer", "city", "hours", "notes"),
                FormMode.CREATE, 0, null));

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            signIn("member", "member1234");
            open("p/" + page.slug());
            waitForText("Acme " + s);
            // not only there: on the screen, within its width
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(d -> onScreen("Ghent"));
            assertThat(onScreen("Acme " + s)).isTrue();
            screenshot("phone-table");
            type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-text-field[label[normalize-space(.)='Customer']]//input")), "Beta " + s);
            type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-integer-field[label[normalize-space(.)='Hours']]//input")), "2");
            click(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='Submit']")));
            waitForText("Beta " + s + " was created.");
            screenshot("phone-form-saved");
            assertThat(queries.count(visits, Filter.where("customer", Filter.Operator.EQ, "Beta " + s))).isEqualTo(1);

            click(waitFor(By.cssSelector("vaadin-menu-bar.af-user-menu vaadin-menu-bar-button")));
            screenshot("phone-profile-menu");
            assertThat(onScreen("Sign out")).as("the profile menu fits the screen").isTrue();
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();

            // a row's Edit dialog fits, and saves
            var edit = present(By.xpath("//div[contains(@class,'af-row-card')][.//span[normalize-space(.)='Acme " + s + "']]"
                    + "//vaadin-button[@aria-label='Edit']"));
            scrollTo(edit);
            click(edit);
            var city = waitFor(By.xpath("//vaadin-dialog//vaadin-text-field[label[normalize-space(.)='City']]//input"));
            screenshot("phone-edit-dialog");
            assertThat(onScreen("Save")).as("the dialog's Save button is on the screen").isTrue();
            city.clear();
            type(city, "Bruges");
            click(waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Save']")));
            waitForText("Acme " + s + " was saved.");
            assertThat(queries.count(visits, Filter.where("city", Filter.Operator.EQ, "Bruges"))).isEqualTo(1);
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
