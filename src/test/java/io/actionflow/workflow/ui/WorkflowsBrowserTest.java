package io.actionflow.workflow.ui;

import io.actionflow.BrowserTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

class WorkflowsBrowserTest extends BrowserTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void admin_sees_the_canvas_and_a_test_run_on_it() throws Exception {
        String requests = unique("requests").replace('-', '_');
        collections.create(new CollectionDraft(requests, "Purchase requests", null, null));
        var workflow = workflows.create(new WorkflowDraft("Route purchase requests", null, TriggerType.POST_ACTION,
                Map.of("collection", requests), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                NodeDef.of("total", "calculation", Map.of("expression", "$context.data.amount * 1.21")),
                new NodeDef("others", "query", "Open requests", Map.of("collection", requests, "multiple", true, "limit", 10,
                        "filter", List.of(Map.of("field", "id", "op", "gt", "value", "0"))), Map.of()),
                new NodeDef("big", "condition", "Over 1000?", Map.of("expression", "$jobsMapByNodeKey.total > 1000"), Map.of())
                        .withBranch("yes", List.of(new NodeDef("ask", "response-message", "Needs approval",
                                Map.of("message", "Sent for approval ({{$jobsMapByNodeKey.total}})"), Map.of())))
                        .withBranch("no", List.of(new NodeDef("ok", "response-message", "Approved", Map.of("message", "Approved"), Map.of()))),
                NodeDef.of("done", "end", Map.of("status", "success")))));

        signIn("admin", "admin1234");
        open("admin/workflows/" + workflow.id());
        waitForText("Over 1000?");
        screenshot("workflow-canvas");

        // the trigger card opens the title and trigger settings
        waitFor(By.cssSelector(".af-trigger-card")).click();
        waitForText("Trigger of Route purchase requests");
        screenshot("workflow-trigger");
        waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Cancel']")).click();

        // a card opens its settings as a form made for the node's type
        waitFor(By.xpath("//*[normalize-space(.)='Open requests']")).click();
        waitFor(By.xpath("//vaadin-dialog//*[@data-setting='filter']"));
        screenshot("workflow-node-form");
        // the {} beside a condition's value lists the variables there by name; picking one fills it in
        var value = waitFor(By.xpath("//vaadin-dialog//vaadin-text-field[contains(@class,'af-setting-value')]"));
        click(value.findElement(By.cssSelector("vaadin-menu-bar.af-variable-picker vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='System']")));
        screenshot("workflow-variable-picker");
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Now (date and time)']")));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d ->
                "0 {{$system.now}}".equals(value.findElement(By.cssSelector("input")).getDomProperty("value")));
        waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Cancel']")).click();

        waitFor(By.xpath("//vaadin-button[normalize-space(.)='Test run']")).click();
        WebElement context = waitFor(By.xpath("//vaadin-dialog//vaadin-text-area//textarea"));
        context.clear();
        context.sendKeys("{\"data\": {\"amount\": 2000}}");
        waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Run']")).click();
        waitForText("Sent for approval (2420");
        waitForText("Test run: Resolved");
        screenshot("workflow-test-run");

        waitFor(By.xpath("//vaadin-tab[normalize-space(.)='History']")).click();
        waitForText("1 execution");
        waitForText("Test run");
        screenshot("workflow-history");

        open("admin/workflows");
        WebElement search = waitFor(By.cssSelector(".af-workflow-search input"));
        search.sendKeys("Route purchase");
        waitForText("Route purchase requests");
        screenshot("workflows");

        // every execution of every workflow: filtered to this one, its test run shown on its canvas
        open("admin/executions");
        waitForText("All executions");
        var filter = waitFor(By.xpath("//vaadin-combo-box[label[normalize-space(.)='Workflow']]//input"));
        type(filter, "Route purchase");
        click(waitFor(By.xpath("//vaadin-combo-box-item[normalize-space(.)='Route purchase requests']")));
        waitForText("1 execution");
        screenshot("executions");
        click(waitFor(By.xpath("//vaadin-grid-cell-content//vaadin-button[normalize-space(.)='Show']")));
        waitForText("Click a node to see what it got and gave.");
        waitForText("Over 1000?");
        screenshot("execution-opened");
    }
}
