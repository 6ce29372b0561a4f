package io.actionflow.approval.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.TestMail;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
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
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 28's journey, in a real Chromium: a purchase approval exists; the admin adds to it, in the editor, a Manual task
 * "enter the budget code" and an Email that names the code, and enables it. A member submits a purchase; the admin
 * approves it and fills the budget code in in My to-dos; the workflow goes on, the purchase is saved, and the email
 * arrives at a real SMTP server (GreenMail) with the code in its subject.
 */
class BudgetCodeJourneyBrowserTest extends BrowserTest {

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    @Autowired
    RecordQueries queries;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void the_admin_adds_a_budget_code_step_and_the_email_names_the_code() throws Exception {
        // a purchase approval, as an admin would have it: a collection, its page, and an approval bound to Submit
        String s = unique("b").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String purchases = "bpurch_" + s;
        collections.create(new CollectionDraft(purchases, "Budget purchases", null, null));
        collections.addField(purchases, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title").withRequired(true)));
        collections.addField(purchases, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.update(purchases, new CollectionDraft(purchases, "Budget purchases", null, "title"));
        String title = "Purchase approval " + s;
        var workflow = workflows.create(new WorkflowDraft(title, null, TriggerType.APPROVAL,
                Map.of("collection", purchases, "mode", "beforeSave"), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(new NodeDef("boss", "approval", "Manager approval",
                Map.of("approvers", List.of("admin")), Map.of()))));
        workflows.enable(workflow.id());
        var page = pages.create(new PageDraft("Budget purchases " + s, null, null, 1, Set.of(Role.MEMBER_ID, Role.ADMIN_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, purchases, null, 0, List.of("title", "amount"), null, 20, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, purchases, "New", 0, List.of("title", "amount"), FormMode.CREATE, 0, null));
        var submit = page.blocks().get(1).buttons().stream().filter(b -> b.kind() == ButtonKind.SUBMIT).findFirst().orElseThrow();
        pages.bind(submit.id(), List.of(new WorkflowBinding(workflow.key(), null)));

        // the admin adds the budget code step and the email in the editor
        signIn("admin", "admin1234");
        open("admin/workflows/" + workflow.id());
        waitForText("Manager approval");
        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='main:1']")));
        waitForText("Add a node");
        selectInDialog("Type", "Manual task");
        type(setting("assignees", "textarea"), "admin");
        type(setting("title", "input"), "Budget code for {{$context.data.title}}");
        type(setting("description", "textarea"), "Enter the budget code before the order goes out.");
        var name = waitFor(By.xpath(DIALOG + "//*[@data-setting='fields']//vaadin-combo-box//input"));
        scrollTo(name);
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        name.sendKeys("budget_code", Keys.ENTER);
        var label = waitFor(By.xpath(DIALOG + "//*[@data-setting='fields']//vaadin-text-field[label[normalize-space(.)='Label']]//input"));
        label.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        label.sendKeys("Budget code");
        screenshot("budget-manual-node");
        saveDialog();
        waitForText("Budget code for {{$context.data.title}} · 1 field");

        click(waitFor(By.cssSelector("vaadin-button.af-insert[data-slot='main:2']")));
        waitForText("Add a node");
        selectInDialog("Type", "Email");
        type(setting("to", "textarea"), "buyer@actionflow.test");
        type(setting("subject", "input"), "Budget {{$jobsMapByNodeKey.manual1.values.budget_code}} for {{$context.data.title}}");
        type(setting("body", "textarea"), "Entered by {{$jobsMapByNodeKey.manual1.by}}.");
        saveDialog();
        waitForText("Budget {{$jobsMapByNodeKey.manual1.values.budget_code}}");
        screenshot("budget-canvas");
        // no run of it yet: the enabled version was changed in place, and stays enabled
        var changed = workflows.get(workflow.id());
        assertThat(changed.enabled()).isTrue();
        assertThat(changed.graph().chain()).extracting(NodeDef::type).containsExactly("approval", "manual", "email");

        // a member submits a purchase: it waits for approval
        String item = unique("Trade fair stand");
        signIn("member", "member1234");
        open("p/" + page.slug());
        type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-text-field[label[normalize-space(.)='Title']]//input")), item);
        type(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-integer-field[label[normalize-space(.)='Amount']]//input")), "1200");
        click(waitFor(By.xpath("//div[contains(@class,'af-block-form')]//vaadin-button[normalize-space(.)='Submit']")));
        waitForText("Submitted for approval.");

        // the admin approves, then the form for the budget code comes to the to-dos
        signIn("admin", "admin1234");
        open("todos");
        click(row(item));
        click(waitFor(By.xpath("//div[contains(@class,'af-request-actions')]//vaadin-button[normalize-space(.)='Approve']")));
        waitForText("You approved");
        click(row("Budget code for " + item));
        waitForText("Enter the budget code before the order goes out.");
        screenshot("budget-form");
        // submitted empty: refused on the field, nothing goes on
        click(waitFor(By.xpath("//div[contains(@class,'af-form-task')]//vaadin-button[normalize-space(.)='Submit']")));
        waitForText("This field is required.");
        type(waitFor(By.xpath("//div[contains(@class,'af-form-task')]//vaadin-text-field[label[normalize-space(.)='Budget code']]//input")),
                "MKT-2026-07");
        click(waitFor(By.xpath("//div[contains(@class,'af-form-task')]//vaadin-button[normalize-space(.)='Submit']")));
        waitForText("submitted.");

        // the workflow goes on: the purchase is saved and the email names the code
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> subjects().contains(
                "Budget MKT-2026-07 for " + item));
        assertThat(queries.find(purchases, RecordQuery.firstPage(10))).extracting(r -> r.get("title")).containsExactly(item);
        var mail = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> subject(m).equals("Budget MKT-2026-07 for " + item))
                .findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()).extracting(String::valueOf).containsExactly("buyer@actionflow.test");
        assertThat(String.valueOf(mail.getContent())).contains("Entered by admin.");
        assertThat(queries.count(purchases, Filter.all())).isEqualTo(1);
        screenshot("budget-done");
    }

    private WebElement setting(String setting, String input) {
        var element = waitFor(By.xpath(DIALOG + "//*[@data-setting='" + setting + "']//" + input));
        scrollTo(element);
        return element;
    }

    private WebElement row(String text) {
        return present(By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + text + "')]"));
    }

    private static List<String> subjects() {
        return Arrays.stream(TestMail.server().getReceivedMessages()).map(BudgetCodeJourneyBrowserTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
