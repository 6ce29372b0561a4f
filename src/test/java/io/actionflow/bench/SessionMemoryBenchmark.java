package io.actionflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Heap per open UI session (issue 16): the packaged jar with the demo workspace on H2, started with the options of
 * the README and the Dockerfile; a headless Chromium signs the member in and opens the purchase requests' table page,
 * again and again, each time in a new session (its cookies deleted). The page left does not send the beacon that
 * tells the server it is gone, so the server keeps its session and its UI as for a tab left open. The live heap after a full GC, before and after, divided by the sessions.
 *
 * <p>Run after {@code mvn -DskipTests package}: {@code mvn -Pbench -Dbench=SessionMemoryBenchmark -Dbench.args="200"}
 * ({@code "200 closed"}: each page tells the server it is left, and Vaadin closes its UI).
 */
public final class SessionMemoryBenchmark {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        // "closed": let the page tell the server it is left (Vaadin then closes its UI); by default it does not, as
        // for a tab left open, so each session keeps its UI until its heartbeats stop
        boolean closed = args.length > 1 && args[1].equals("closed");
        Path work = Path.of("target", "session-memory").toAbsolutePath();
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        int port = io.actionflow.Instance.freePort();
        var command = new ArrayList<String>(List.of(io.actionflow.Instance.java()));
        command.addAll(List.of(W1Benchmark.defaultJavaOptions().split("\\s+")));
        command.addAll(List.of("-jar", io.actionflow.Instance.jar().toString(), "--server.port=" + port, "--logging.level.root=warn"));
        Process server = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile()).start();
        var browser = chromium();
        try {
            String base = "http://127.0.0.1:" + port;
            io.actionflow.Instance.awaitReady(base, server, Duration.ofMinutes(2), work.resolve("server.log"));
            open(browser, base, "member", "member1234");
            long before = liveHeapKb(server.pid());
            long started = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                if (!closed) {
                    // the beacon that says the page is left is not sent: the server keeps the UI as for an open tab
                    ((JavascriptExecutor) browser).executeScript("navigator.sendBeacon = () => true;");
                }
                open(browser, base, "member", "member1234");
                if ((i + 1) % 10 == 0) {
                    System.out.printf("  %d sessions open%n", i + 1);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = liveHeapKb(server.pid());
            System.out.printf("%d sessions on the purchase requests' table page, %s (H2, demo workspace, options: %s),"
                    + " opened in %.0f s%n", sessions, closed ? "each closed when the next opened" : "each kept open (its UI alive)",
                    W1Benchmark.defaultJavaOptions(), seconds);
            System.out.printf("live heap after a full GC: %d MB before, %d MB after: %.0f KB per session%n",
                    before / 1024, after / 1024, (after - before) / (double) sessions);
        } finally {
            browser.quit();
            server.destroy();
            server.waitFor();
        }
    }

    /** A new session: no cookies, the login page, the member signed in, the table page shown. */
    private static void open(ChromeDriver browser, String base, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(base + "/p/purchase-requests");
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const g = document.querySelector('vaadin-grid'); return !!g && g.querySelectorAll('vaadin-grid-cell-content').length > 3;")));
    }

    /** The heap in use after a full GC, in KB (jcmd). */
    private static long liveHeapKb(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
        long used = 0;
        for (String line : info.split("\n")) {
            // the generations' totals, not their spaces
            if (line.matches("^\\s*(def new generation|DefNew|tenured generation|Tenured|garbage-first heap|ParOldGen|PSYoungGen).*")) {
                var m = USED.matcher(line);
                if (m.find()) {
                    used += Long.parseLong(m.group(1));
                }
            }
        }
        return used;
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private static ChromeDriver chromium() throws Exception {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("actionflow-sessions-"));
        return new ChromeDriver(service, options);
    }
}
