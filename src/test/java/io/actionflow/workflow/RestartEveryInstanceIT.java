package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.Instance;
import io.actionflow.SlowService;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every instance stops, none left running (issue 17): two instances of the jar on one PostgreSQL database hold a
 * purchase waiting for approval, executions waiting in a delay, and executions queued behind a slow service; one is
 * stopped with SIGTERM, the other killed with SIGKILL; both start again. Then the approval is still pending and an
 * admin approves it in Chromium (the purchase is saved), every delay ends once, and every queued execution runs once.
 */
@ExtendWith(BrowserTest.ChromiumInstalled.class)
class RestartEveryInstanceIT {

    private static final int QUEUED = 300;
    private static final int DELAYED = 20;
    private static final Duration DELAY = Duration.ofSeconds(20);
    private static final Duration SLOW_SERVICE = Duration.ofMillis(200);

    @Test
    void approvals_delays_and_queued_executions_survive_a_stop_of_every_instance() throws Exception {
        String url = Instance.testDatabase("actionflow_restart");
        String user = Instance.testUser();
        var slow = SlowService.start(SLOW_SERVICE);
        String[] allowed = SlowService.allowed();
        Instance a = Instance.start("r-a", url, user, Duration.ofMinutes(3), with(allowed, "--actionflow.demo.enabled=true"));
        Instance b = Instance.start("r-b", url, user, Duration.ofMinutes(3), allowed);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            String admin = a.signIn("admin", "admin1234");
            String member = b.signIn("member", "member1234");
            a.call("POST", "/api/collections:create", admin, Map.of("name", "pings", "title", "Pings", "fields", List.of(
                    Map.of("name", "note", "type", "text", "title", "Note"))));
            a.call("POST", "/api/collections:create", admin, Map.of("name", "pongs", "title", "Pongs", "fields", List.of(
                    Map.of("name", "ping", "type", "integer", "title", "Ping"))));
            String later = key(a.call("POST", "/api/workflows:create", admin, Map.of("title", "Answer later",
                    "triggerType", "POST_ACTION", "triggerConfig", Map.of("collection", "pings"), "synchronous", false,
                    "enabled", true, "nodes", List.of(
                            Map.of("key", "wait", "type", "delay", "config", Map.of("duration", DELAY.toString())),
                            Map.of("key", "pong", "type", "create", "config", Map.of(
                                    "collection", "pongs", "values", Map.of("ping", "{{$context.data.id}}")))))));
            String slowly = key(a.call("POST", "/api/workflows:create", admin, Map.of("title", "Answer slowly",
                    "triggerType", "POST_ACTION", "triggerConfig", Map.of("collection", "pings"), "synchronous", false,
                    "enabled", true, "nodes", List.of(
                            Map.of("key", "ask", "type", "request", "config", Map.of("method", "GET",
                                    "url", slow.url())),
                            Map.of("key", "pong", "type", "create", "config", Map.of(
                                    "collection", "pongs", "values", Map.of("ping", "{{$context.data.id}}")))))));

            // a purchase waiting for approval, executions waiting in their delay, and executions queued
            String item = "Projector " + java.util.UUID.randomUUID().toString().substring(0, 6);
            assertThat(((Map<?, ?>) b.call("POST", "/api/purchase_requests:create", member, Map.of("title", item, "amount", 2400)))
                    .get("approvals")).as("held for approval").isNotNull();
            var instances = List.of(a, b);
            for (int i = 0; i < DELAYED; i++) {
                instances.get(i % 2).call("POST", "/api/pings:create?triggerWorkflows=" + later, admin, Map.of("note", "delayed " + i));
            }
            try (var clients = Executors.newFixedThreadPool(8)) {
                var sent = new java.util.ArrayList<Future<Object>>();
                for (int i = 0; i < QUEUED; i++) {
                    Instance to = instances.get(i % 2);
                    String note = "queued " + i;
                    sent.add(clients.submit(() -> to.call("POST", "/api/pings:create?triggerWorkflows=" + slowly, admin,
                            Map.of("note", note))));
                }
                for (var call : sent) {
                    call.get();
                }
            }

            // every instance stops: one as an operator stops it, the other killed
            a.close();
            b.kill();
            long queued = Instance.number(db, "select count(*) from af_execution where status in ('QUEUED', 'STARTED')");
            long waiting = Instance.number(db, "select count(*) from af_execution where status = 'WAITING'");
            System.out.printf("stopped with %d executions queued or started, %d waiting (delays and the approval)%n", queued, waiting);
            assertThat(queued).as("executions still queued when every instance stopped").isPositive();
            assertThat(waiting).as("delays and the approval waiting").isGreaterThanOrEqualTo(DELAYED + 1);
            assertThat(Instance.number(db, "select count(*) from af_approval where status = 'PENDING'")).isEqualTo(1);

            // both start again, at once
            try (var starting = Executors.newFixedThreadPool(2)) {
                var startA = starting.submit(() -> Instance.start("r-a2", url, user, Duration.ofMinutes(3), allowed));
                var startB = starting.submit(() -> Instance.start("r-b2", url, user, Duration.ofMinutes(3), allowed));
                a = startA.get();
                b = startB.get();
            }

            // every queued execution and every delay ran, once each
            long pings = QUEUED + DELAYED;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (Instance.number(db, "select count(*) from rec_pongs") < pings
                    || Instance.number(db, "select count(*) from af_execution where status in ('QUEUED', 'STARTED')") > 0) {
                assertThat(System.nanoTime()).as("every execution finished after the restart").isLessThan(deadline);
                Thread.sleep(500);
            }
            Thread.sleep(2000);
            assertThat(Instance.number(db, "select count(*) from rec_pongs")).as("one answer per ping").isEqualTo(pings);
            assertThat(Instance.number(db, "select count(distinct ping) from rec_pongs")).isEqualTo(pings);
            assertThat(Instance.number(db, "select count(*) from af_execution e join af_workflow w on w.id = e.workflow_id"
                    + " where w.wf_key in ('" + later + "', '" + slowly + "') and e.status <> 'RESOLVED'")).isZero();
            assertThat(Instance.number(db, "select count(*) from scheduled_tasks where task_name = 'workflow-execution'"
                    + " and picked")).isZero();

            // the approval is still there, and an admin approves it: the purchase is saved
            assertThat(Instance.number(db, "select count(*) from af_approval where status = 'PENDING'")).isEqualTo(1);
            approveInBrowser(a, item);
            String token = b.signIn("admin", "admin1234");
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (((List<?>) b.call("GET", "/api/purchase_requests:list?pageSize=500", token, null)).stream()
                    .noneMatch(r -> item.equals(((Map<?, ?>) r).get("title")))) {
                assertThat(System.nanoTime()).as("the approved purchase saved").isLessThan(deadline);
                Thread.sleep(250);
            }
        } finally {
            a.close();
            b.close();
            slow.close();
        }
    }

    private static void approveInBrowser(Instance instance, String item) throws IOException {
        WebDriver browser = BrowserTest.startChromium();
        try {
            browser.get(instance.base() + "/login");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")))
                    .sendKeys("admin");
            browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("admin1234");
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            browser.get(instance.base() + "/todos");
            BrowserTest.waitForVaadin(browser);
            var row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + item + "')]")));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
            row.click();
            BrowserTest.waitForVaadin(browser);
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'af-request-actions')]//vaadin-button[normalize-space(.)='Approve']"))).click();
            wait.until(d -> BrowserTest.visibleText(d).contains("You approved"));
        } finally {
            browser.quit();
        }
    }

    private static String key(Object workflow) {
        return (String) ((Map<?, ?>) workflow).get("key");
    }

    private static String[] with(String[] arguments, String more) {
        var all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = more;
        return all;
    }
}
