package io.actionflow.workflow.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 28's schedule in a real browser: an admin builds "remind the approver every morning while a purchase waits" (a
 * daily schedule; a Query for a submitted purchase, a Condition, and a Notification on its Yes branch) from the
 * workflow dialog and the canvas, sees its next fires and its cards, enables it. On a morning when no purchase waits
 * (the time moved to now, as 08:00 would come) no one is reminded; on the next, with one waiting, the approver's inbox
 * has the reminder once, and the history says the schedule started it.
 */
class SchedulesBrowserTest extends BrowserTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void an_admin_builds_a_morning_reminder_and_it_reaches_the_approver_when_its_time_comes() throws Exception {
        String title = "Remind approvers " + unique("m");
        String reminder = "Purchases wait " + unique("r");
        String purchases = "rpurch_" + unique("p").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String purchasesTitle = "Waiting purchases " + purchases.substring(7);
        collections.create(new CollectionDraft(purchases, purchasesTitle, null, null));
        collections.addField(purchases, FieldDraft.of("status", FieldType.TEXT, FieldSettings.titled("Status")));
        signIn("admin", "admin1234");
        open("admin/workflows");
        click(waitFor(By.xpath("//vaadin-button[normalize-space(.)='New workflow']")));
        type(waitFor(By.xpath(DIALOG + "//vaadin-text-field[label[normalize-space(.)='Title']]//input")), title);
        selectInDialog("Trigger", "Schedule");
        waitForText("Next fires");
        selectInDialog("Repeats", "Weekly");
        click(present(By.xpath(DIALOG + "//vaadin-checkbox[.//label[normalize-space(.)='Mon']]//input")));
        click(present(By.xpath(DIALOG + "//vaadin-checkbox[.//label[normalize-space(.)='Wed']]//input")));
        var preview = present(By.xpath(DIALOG + "//div[contains(@class,'af-next-fires')]"));
        scrollTo(preview);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> preview.findElements(By.tagName("li")).size() == 5);
        assertThat(preview.getText()).startsWith("Next fires (").contains("Mon").contains("Wed").doesNotContain("Tue");
        screenshot("schedule-dialog");
        selectInDialog("Repeats", "Daily");
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.xpath(DIALOG)).isEmpty());
        waitForText("Daily at 08:00");

        // a submitted purchase, if there is one
        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='main:0']")));
        waitForText("Add a node");
        selectInDialog("Type", "Query records");
        var collection = waitFor(By.xpath(DIALOG + "//*[@data-setting='collection']//input"));
        type(collection, purchasesTitle);
        collection.sendKeys(Keys.ENTER);
        click(waitFor(By.xpath(DIALOG + "//*[@data-setting='filter']//vaadin-button[normalize-space(.)='Add a condition']")));
        var fieldBox = waitFor(By.xpath(DIALOG + "//*[@data-setting='filter']//vaadin-combo-box//input"));
        // a new condition starts on the id: the field is chosen instead
        fieldBox.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        type(fieldBox, "Status");
        fieldBox.sendKeys(Keys.ENTER);
        type(waitFor(By.xpath(DIALOG + "//*[@data-setting='filter']//vaadin-text-field//input")), "Submitted");
        screenshot("schedule-query");
        saveDialog();
        // only then a reminder
        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='main:1']")));
        waitForText("Add a node");
        selectInDialog("Type", "Condition");
        type(waitFor(By.xpath(DIALOG + "//*[@data-setting='expression']//input")), "{{$jobsMapByNodeKey.query1}} != null");
        saveDialog();
        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='condition1.yes:0']")));
        waitForText("Add a node");
        selectInDialog("Type", "Notification");
        type(waitFor(By.xpath(DIALOG + "//*[@data-setting='users']//textarea")), "admin");
        type(waitFor(By.xpath(DIALOG + "//*[@data-setting='title']//input")), reminder);
        type(waitFor(By.xpath(DIALOG + "//*[@data-setting='message']//textarea")), "Please look at the purchases waiting for you.");
        saveDialog();
        click(waitFor(By.xpath("//vaadin-button[normalize-space(.)='Enable']")));
        waitForText("is enabled");
        screenshot("schedule-canvas");

        String key = dsl.select(field(name("wf_key"), String.class)).from(table(name("af_workflow")))
                .where(field(name("title")).eq(title)).fetchOne(0, String.class);
        // a morning with no purchase waiting: it runs, and no one is reminded
        morning(key);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                dsl.fetchCount(table(name("af_execution")), field(name("wf_key")).eq(key), field(name("status")).eq("RESOLVED")) == 1);
        assertThat(dsl.fetchCount(table(name("af_notification")), field(name("title")).eq(reminder))).isZero();

        // a purchase waits: the next morning reminds the approver, once
        records.create(purchases, java.util.Map.of("status", "Submitted"));
        morning(key);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                dsl.fetchCount(table(name("af_notification")), field(name("username")).eq("admin"), field(name("title")).eq(reminder)) == 1);

        browser.navigate().refresh();
        click(waitFor(By.xpath("//vaadin-tab[normalize-space(.)='History']")));
        waitForText("Schedule ·");
        screenshot("schedule-history");
        assertThat(dsl.fetchCount(table(name("af_notification")), field(name("title")).eq(reminder))).isEqualTo(1);
    }

    /** Its morning comes: the schedule's next fire moved to now, as 08:00 would come. */
    private void morning(String key) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.update(table(name("af_schedule"))).set(field(name("next_fire_at"), OffsetDateTime.class), now)
                .where(field(name("workflow_key")).eq(key)).execute();
        dsl.update(table(name("scheduled_tasks"))).set(field(name("execution_time"), OffsetDateTime.class), now)
                .where(field(name("task_name")).eq("workflow-schedule"), field(name("task_instance")).eq(key)).execute();
    }

}
