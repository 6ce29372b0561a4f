package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.Instance;
import io.actionflow.StrictTests;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two instances of the packaged jar behind a local HAProxy (issue 17), as docs/operations.md sets it up: the UI's
 * sessions are sticky (a cookie HAProxy adds names the instance), the API is not. An admin signs in through HAProxy
 * in Chromium; a member's large purchase, sent through HAProxy to whichever instance, raises the admin's to-do badge
 * while the page stays open (server push through the proxy); the admin approves it on the to-do page. Then the admin's
 * instance is killed: the next request lands on the other instance, which asks to sign in again, and the approved
 * purchase is there.
 */
@ExtendWith(BrowserTest.ChromiumInstalled.class)
class BehindLoadBalancerIT {

    private static final Path HAPROXY = Path.of(System.getenv().getOrDefault("ACTIONFLOW_HAPROXY", "/usr/sbin/haproxy"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver browser;
    private String proxy;

    @Test
    void the_ui_sticks_to_its_instance_and_signs_in_again_on_the_other_when_it_dies() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(HAPROXY) || StrictTests.enabled(), "HAProxy is not installed (" + HAPROXY + ")");
        assertThat(HAPROXY).as("HAProxy (apt-get install -y haproxy)").isExecutable();
        String database = Instance.testDatabase("actionflow_lb");
        String user = Instance.testUser();
        var a = Instance.start("lb-a", database, user, Duration.ofMinutes(3), "--actionflow.demo.enabled=true");
        var b = Instance.start("lb-b", database, user, Duration.ofMinutes(3));
        int port = Instance.freePort();
        Process haproxy = startHaproxy(port, a, b);
        browser = BrowserTest.startChromium();
        try {
            proxy = "http://127.0.0.1:" + port;
            var instances = Map.of(a.name(), a, b.name(), b);

            signIn("admin", "admin1234");
            String served = browser.manage().getCookieNamed("AFNODE").getValue();
            assertThat(instances).containsKey(served);
            String before = badge();
            screenshot("lb-signed-in");

            // a member's purchase above 500, through HAProxy to either instance: it waits for the admin's approval
            String item = "Monitors " + UUID.randomUUID().toString().substring(0, 6);
            String member = a.signIn("member", "member1234");
            var held = (Map<?, ?>) Instance.call(proxy, "POST", "/api/purchase_requests:create", member,
                    Map.of("title", item, "amount", 1200));
            assertThat(held.get("approvals")).as("held for approval").isNotNull();

            // the admin's badge rises while the page stays open: pushed through the proxy
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !badge().equals(before));
            screenshot("lb-badge");
            open("todos");
            click(present(By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + item + "')]")));
            click(visible(By.xpath("//div[contains(@class,'af-request-actions')]//vaadin-button[normalize-space(.)='Approve']")));
            waitForText("You approved");
            screenshot("lb-approved");
            assertThat(browser.manage().getCookieNamed("AFNODE").getValue()).as("every request of the UI on one instance")
                    .isEqualTo(served);

            // the admin's instance dies: the next request goes to the other one, which asks to sign in again
            Instance doomed = instances.get(served);
            Instance other = doomed == a ? b : a;
            doomed.kill();
            // HAProxy sends a request for the dead one to the other (its health checks notice within seconds; until
            // then it redispatches): wait until a request with the dead one's cookie comes back from the other
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> servedBy(proxy, doomed.name()).equals(other.name()));
            browser.get(proxy + "/");
            visible(By.cssSelector("vaadin-login-form"));
            screenshot("lb-sign-in-again");
            signIn("admin", "admin1234");
            assertThat(browser.manage().getCookieNamed("AFNODE").getValue()).isEqualTo(other.name());

            // nothing saved was lost: the approved purchase is in the table. The dead instance may have been about to
            // write it (the approval's last step); the other resumes such a step within 30 s (CrashAndResumeIT)
            String token = other.signIn("admin", "admin1234");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ((List<?>) other.call("GET", "/api/purchase_requests:list?pageSize=500", token, null)).stream()
                            .map(r -> String.valueOf(((Map<?, ?>) r).get("title"))).toList().contains(item));
            String slug = ((List<?>) other.call("GET", "/api/pages:list", token, null)).stream().map(p -> (Map<?, ?>) p)
                    .filter(p -> "Purchase requests".equals(p.get("title"))).map(p -> (String) p.get("slug")).findFirst()
                    .orElseThrow();
            open("p/" + slug);
            waitForText(item);
            screenshot("lb-still-there");
        } finally {
            browser.quit();
            haproxy.destroy();
            a.close();
            b.close();
        }
    }

    /** Which instance HAProxy serves a request from that carries {@code node}'s cookie: the one its answer sticks to. */
    private static String servedBy(String proxy, String node) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(proxy + "/actuator/health/readiness")).header("Cookie", "AFNODE=" + node)
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                return "";
            }
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("AFNODE="))
                    .map(c -> c.substring(7, c.contains(";") ? c.indexOf(';') : c.length())).findFirst().orElse(node);
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** HAProxy in front of both: a cookie it adds makes a browser's requests stick to one instance. */
    private static Process startHaproxy(int port, Instance a, Instance b) throws Exception {
        Path config = Path.of("target", "haproxy.cfg").toAbsolutePath();
        Files.writeString(config, """
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # server push keeps a WebSocket open
                    timeout tunnel 1h
                    option redispatch
                frontend web
                    bind 127.0.0.1:%d
                    default_backend actionflow
                backend actionflow
                    balance roundrobin
                    cookie AFNODE insert indirect nocache httponly
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server check inter 1s fall 2 rise 2
                    server %s %s cookie %s
                    server %s %s cookie %s
                """.formatted(port, a.name(), a.base().substring("http://".length()), a.name(),
                b.name(), b.base().substring("http://".length()), b.name()));
        var process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (var ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("HAProxy running (target/haproxy.log)").isTrue();
                assertThat(System.nanoTime()).as("HAProxy listening").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("login");
        visible(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        BrowserTest.waitForVaadin(browser);
    }

    private void open(String path) {
        browser.get(proxy + "/" + path);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !BrowserTest.visibleText(d).isBlank());
        BrowserTest.waitForVaadin(browser);
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "text '" + text + "'; page shows: " + BrowserTest.visibleText(browser))
                .until(d -> BrowserTest.visibleText(d).contains(text));
    }

    private org.openqa.selenium.WebElement visible(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private org.openqa.selenium.WebElement present(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void click(org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        BrowserTest.waitForVaadin(browser);
    }

    /** What the "My to-dos" badge shows; empty when hidden. */
    private String badge() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const b = document.querySelector('.af-nav-badge[data-count-of=\"todos\"]');"
                        + " return b && !b.hidden && b.offsetParent !== null ? b.textContent : '';"));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
