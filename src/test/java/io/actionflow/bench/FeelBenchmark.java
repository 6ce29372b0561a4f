package io.actionflow.bench;

import io.actionflow.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How the demo feels in a real browser (issue 27): headless Chromium against the packaged jar with its demo workspace
 * (H2), after a warm-up. It prints, at p50 and p95: the first page after signing in (from the click on Sign in until
 * the page has rendered and the server is idle), a table page loaded anew, and a form's Submit until its notice shows.
 *
 * <pre>mvn -DskipTests package && mvn -Pbench -Dbench=FeelBenchmark -Dbench.args="20"</pre>
 * (rounds per figure; {@code FEEL_URL=http://host:port} measures a server already running instead)
 */
public final class FeelBenchmark {

    private FeelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String given = System.getenv("FEEL_URL");
        Process server = null;
        String base = given;
        Path work = Path.of("target", "feel").toAbsolutePath();
        if (base == null) {
            Path jar = W1Benchmark.jar();
            W1Benchmark.delete(work);
            Files.createDirectories(work);
            int port = io.actionflow.Instance.freePort();
            var command = new ArrayList<String>(List.of(io.actionflow.Instance.java()));
            command.addAll(List.of(W1Benchmark.defaultJavaOptions().strip().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=warn"));
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("server.log").toFile()).directory(work.toFile());
            server = builder.start();
            base = "http://localhost:" + port;
            io.actionflow.Instance.awaitReady(base, server, Duration.ofMinutes(3), work.resolve("server.log"));
        }
        WebDriver browser = BrowserTest.startChromium();
        try {
            var signIn = new ArrayList<Double>();
            var table = new ArrayList<Double>();
            var tableInPage = new ArrayList<Double>();
            var toast = new ArrayList<Double>();
            var toastInPage = new ArrayList<Double>();
            var home = new ArrayList<Double>();
            // warm-up: the server's first compilations and the browser's cache of the client bundle
            for (int i = 0; i < 5; i++) {
                signIn.add(firstPage(browser, base));
                table.add(tablePage(browser, base, tableInPage));
                toast.add(submit(browser, "warm-up " + i, toastInPage));
                home.add(homePage(browser, base));
            }
            for (var figures : List.of(signIn, table, tableInPage, toast, toastInPage, home)) {
                figures.clear();
            }
            for (int i = 0; i < rounds; i++) {
                signIn.add(firstPage(browser, base));
                table.add(tablePage(browser, base, tableInPage));
                toast.add(submit(browser, "feel " + i, toastInPage));
                home.add(homePage(browser, base));
            }
            System.out.printf("Feel on %s, %d rounds after 5 warm-up rounds (headless Chromium, the demo as member)%n", base, rounds);
            print("first page after sign-in", signIn, "< 1500 ms");
            print("table page, loaded anew", table, "< 400 ms");
            print("  the same, timed in page", tableInPage, "< 400 ms");
            print("  home page, timed in page", home, "none: the floor");
            print("Submit until its notice", toast, "p95 < 250 ms");
            print("  the same, timed in page", toastInPage, "p95 < 250 ms");
        } finally {
            browser.quit();
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
        }
    }

    private static void print(String what, List<Double> millis, String target) {
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double p50 = sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1);
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf("%-28s p50 %6.0f ms   p95 %6.0f ms   (target %s)%n", what, p50, p95, target);
    }

    /** From the click on Sign in until the first page has rendered and the server has answered everything. */
    private static double firstPage(WebDriver browser, String base) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(10));
        var user = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys("member");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("member1234");
        long start = System.nanoTime();
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login") && idle(d) && d.findElements(By.cssSelector("vaadin-app-layout")).size() > 0);
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * A page with a table, loaded anew, until its first rows show: as WebDriver sees it (its own round trips
     * included), and, in {@code inPage}, as the page itself times it, from the start of the navigation to the frame
     * in which the rows are there, watched at every frame in the page.
     */
    private static double tablePage(WebDriver browser, String base, List<Double> inPage) {
        long start = System.nanoTime();
        browser.get(base + "/p/support-tickets");
        double at = readyInPage(browser, "(() => { const g = document.querySelector('vaadin-grid');"
                + " return !!g && !g.loading && g.size > 0 && g._getRenderedRows().length > 0; })()");
        inPage.add(at);
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * A form's Submit, from the click until the notice that the record was created shows: as WebDriver sees it, and,
     * in {@code inPage}, from the moment the page receives the click to the notice's arrival, timed in the page.
     */
    private static double submit(WebDriver browser, String subject, List<Double> inPage) {
        var js = (JavascriptExecutor) browser;
        js.executeScript("""
                document.querySelectorAll('vaadin-notification-card').forEach(c => c.remove());
                window.afClickAt = null; window.afNoticeAt = null;
                if (!window.afWatching) {
                    window.afWatching = true;
                    document.addEventListener('click', () => { window.afClickAt = performance.now(); }, true);
                    new MutationObserver(() => { if (window.afClickAt && !window.afNoticeAt
                            && document.querySelector('vaadin-notification-card')) { window.afNoticeAt = performance.now(); } })
                        .observe(document.body, {childList: true, subtree: true});
                }""");
        var field = browser.findElement(By.cssSelector(".af-block-form vaadin-text-field input"));
        field.clear();
        field.sendKeys(subject);
        var button = browser.findElement(By.cssSelector(".af-block-form vaadin-button.af-action[data-kind='SUBMIT']"));
        long start = System.nanoTime();
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d -> !d.findElements(By.cssSelector("vaadin-notification-card")).isEmpty());
        double took = (System.nanoTime() - start) / 1e6;
        Object between = js.executeScript("return window.afNoticeAt && window.afClickAt ? window.afNoticeAt - window.afClickAt : null");
        if (between != null) {
            inPage.add(((Number) between).doubleValue());
        }
        return took;
    }

    /**
     * The home page loaded anew, timed in the page until the client is idle with the menu shown: what any page costs
     * before its own blocks (Vaadin's client started, the layout and menu built), the floor under the table page.
     */
    private static double homePage(WebDriver browser, String base) {
        browser.get(base + "/");
        return readyInPage(browser, "!!document.querySelector('vaadin-side-nav-item')");
    }

    /** Vaadin's client has answered everything and waits for nothing (a JavaScript expression). */
    private static final String IDLE = "!!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())";

    /**
     * The page's own time (from the start of its navigation) of the first frame in which {@code ready} (a JavaScript
     * expression) holds and the client is idle, watched at every frame in the page.
     */
    private static double readyInPage(WebDriver browser, String ready) {
        Object at = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const look = () => (" + ready + ") && " + IDLE + " ? done(performance.now()) : requestAnimationFrame(look);"
                + " look();");
        return ((Number) at).doubleValue();
    }

    private static boolean idle(WebDriver browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return " + IDLE));
    }
}
