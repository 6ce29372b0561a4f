package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.Instance;
import io.actionflow.SlowService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on its default database, an H2 file, stopped as an operator stops it (SIGTERM) while an
 * asynchronous step runs: the stop lets the step finish and write (up to 10 s), then hands back what the instance had
 * picked. H2 closes a database from a shutdown hook of its own unless told not to; it then closed it under that step
 * and under the hand-back, so the step's write was lost (it ran, and called out, again after the next start).
 */
class GracefulStopOnH2IT {

    private static final Duration STEP = Duration.ofSeconds(3);

    @Test
    void a_step_running_when_the_instance_stops_finishes_and_writes() throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "h2-stop");
        Files.deleteIfExists(Instance.log("h2-stop"));
        try (var slow = SlowService.start(STEP)) {
            // closing the instance stops it as an operator does (SIGTERM) and waits until it has ended
            try (var instance = Instance.startOnH2("h2-stop", directory, Duration.ofMinutes(3), SlowService.allowed())) {
                String token = instance.signIn("admin", "admin1234");
                instance.call("POST", "/api/collections:create", token, Map.of("name", "posts", "title", "Posts",
                        "fields", List.of(Map.of("name", "title", "type", "text", "title", "Title"))));
                instance.call("POST", "/api/collections:create", token, Map.of("name", "log", "title", "Log",
                        "fields", List.of(Map.of("name", "post", "type", "integer", "title", "Post"))));
                String workflow = (String) ((Map<?, ?>) instance.call("POST", "/api/workflows:create", token, Map.of(
                        "title", "Log posts later", "triggerType", "POST_ACTION", "triggerConfig", Map.of("collection", "posts"),
                        "synchronous", false, "enabled", true, "nodes", List.of(
                                Map.of("key", "ask", "type", "request", "config", Map.of("method", "GET", "url", slow.url())),
                                Map.of("key", "log", "type", "create", "config", Map.of(
                                        "collection", "log", "values", Map.of("post", "{{$context.data.id}}"))))))).get("key");
                instance.call("POST", "/api/posts:create?triggerWorkflows=" + workflow, token, Map.of("title", "first"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (slow.calls() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(slow.calls()).as("the step has called the slow service").isEqualTo(1);
            }
            String log = Files.readString(Instance.log("h2-stop"));
            assertThat(log).doesNotContain("Could not hand back");

            // the instance has ended: the file is ours to read
            String url = "jdbc:h2:file:" + directory.resolve("data").resolve("actionflow")
                    + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            try (var db = DriverManager.getConnection(url, "sa", "")) {
                assertThat(Instance.number(db, "select count(*) from rec_log")).as("the step's write").isEqualTo(1);
                assertThat(Instance.number(db, "select count(*) from af_execution where status = 'RESOLVED'")).isEqualTo(1);
                assertThat(Instance.number(db, "select count(*) from scheduled_tasks where task_name = 'workflow-execution'"))
                        .as("nothing left to run").isZero();
            }
            assertThat(slow.calls()).as("called once").isEqualTo(1);
        }
    }
}
