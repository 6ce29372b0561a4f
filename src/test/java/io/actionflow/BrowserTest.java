package io.actionflow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests in a real headless Chromium against the running application, one browser per test class. Without Chromium
 * and chromedriver the class is skipped with the reason, or fails under {@link StrictTests}. Screenshots land in
 * {@code target/screenshots}.
 */
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ACTIONFLOW_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ACTIONFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = startChromium();
    }

    /** A headless Chromium with a profile of its own: a test that needs two people signed in at once starts a second. */
    public static WebDriver startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("actionflow-chromium-"));
        var started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return started;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /**
     * Opens a page and waits until it has rendered; a page still blank after 20 s, or still busy after 30 s (a loaded
     * machine), is loaded once more.
     */
    protected void open(String path) {
        for (int attempt = 1; ; attempt++) {
            browser.get("http://localhost:" + port + "/" + path);
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !visibleText().isBlank());
                waitForVaadin();
                return;
            } catch (org.openqa.selenium.TimeoutException blank) {
                if (attempt == 2) {
                    throw blank;
                }
            }
        }
    }

    /** Signs in through the real login page. */
    protected void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("login");
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        waitOrShow("failed-sign-in-", () -> "signing in as " + username + ": still on " + browser.getCurrentUrl(),
                d -> !d.getCurrentUrl().contains("/login") || Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.querySelector('vaadin-login-form')?.hasAttribute('error')")));
        waitForVaadin();
    }

    /** Where the open dialog is (its content is in the page, under the dialog element). */
    protected static final String DIALOG = "//vaadin-dialog";

    /** Opens a select of the open dialog (scrolled into sight: the dialog scrolls) and clicks the option. */
    protected void selectInDialog(String label, String option) {
        var select = present(By.xpath(DIALOG + "//vaadin-select[label[normalize-space(.)='" + label + "']]"));
        scrollTo(select);
        click(select);
        click(present(By.xpath("//vaadin-select-item[normalize-space(.)='" + option + "']")));
    }

    /** Saves the open dialog and waits until it has closed. */
    protected void saveDialog() {
        click(waitFor(By.xpath(DIALOG + "//vaadin-button[normalize-space(.)='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.xpath(DIALOG)).isEmpty());
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the page shows the text anywhere, shadow roots included. */
    protected void waitForText(String text) {
        waitOrShow("failed-", () -> "text '" + text + "' on " + browser.getCurrentUrl(), d -> visibleText().contains(text));
    }

    /**
     * Waits up to 30 s for the condition; when it never holds, the failure says what was awaited and what the page
     * showed, and a screenshot named {@code <prefix><test class>} is kept.
     */
    private void waitOrShow(String prefix, Supplier<String> awaited, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .withMessage(() -> awaited.get() + "; page shows: " + visibleText())
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            try {
                screenshot(prefix + getClass().getSimpleName());
            } catch (IOException ignored) {
                // the timeout says what was awaited; the screenshot only helps
            }
            throw timeout;
        }
    }

    /** All text the page renders, including inside Vaadin components' shadow roots. */
    protected String visibleText() {
        return visibleText(browser);
    }

    /** All text a browser's page renders, including inside Vaadin components' shadow roots. */
    public static String visibleText(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("""
                const parts = [];
                const walk = (root) => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) walk(el.shadowRoot);
                  }
                  if (root.innerText !== undefined) parts.push(root.innerText);
                  else for (const child of root.children) parts.push(child.innerText || '');
                };
                walk(document.body);
                return parts.join('\\n');"""));
    }

    protected void waitForVaadin() {
        waitForVaadin(browser);
    }

    /** Waits until a browser's page has loaded and Vaadin has no request under way. */
    public static void waitForVaadin(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) return true;
                return Object.values(flow.clients).every(c => !c.isActive || !c.isActive());""")));
    }

    /** An element that is there, perhaps scrolled out of sight (a row action of a table above a form). */
    protected WebElement present(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    protected void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Types into a field as a user would: scrolled into sight, clicked, then the keys. */
    protected void type(WebElement input, String text) {
        scrollTo(input);
        input.click();
        input.sendKeys(text);
    }

    /** Clicks as a user would, then waits until the server has answered. */
    protected void click(WebElement element) {
        scrollTo(element);
        element.click();
        waitForVaadin();
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
    protected void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Skips browser tests on a machine without Chromium, unless strict (CI), where the missing browser fails them. */
    public static class ChromiumInstalled implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
            }
            if (StrictTests.enabled()) {
                return ConditionEvaluationResult.enabled("strict: will fail without Chromium");
            }
            return ConditionEvaluationResult.disabled("Chromium or chromedriver not installed (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): browser tests skipped; apt-get install -y chromium chromium-driver");
        }
    }
}
