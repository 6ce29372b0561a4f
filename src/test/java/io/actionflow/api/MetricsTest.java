package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Metrics in Prometheus' format and the health groups (issue 17): {@code /actuator/prometheus} is refused without a
 * token and to a member's token, and answered for an admin's token or the configured scrape token, with the
 * actions, executions, queue and approval figures named {@code actionflow_…}.
 */
@WithMockUser(username = "admin", roles = "admin")
class MetricsTest extends IntegrationTest {

    private static final String SCRAPE_TOKEN = "test-scrape-token-5b1f0c2e9d";

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserService users;

    @Test
    void metrics_are_for_admins_and_the_scraper_and_count_actions_and_executions() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String notes = "notes_" + s;
        collections.create(new CollectionDraft(notes, "Notes", null, null));
        collections.addField(notes, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));
        var api = new ApiClient(port);
        String admin = tokens.create("admin", "metrics " + s).secret();
        String memberName = "watcher_" + s;
        users.create(new UserDraft(memberName, "Watcher", null, "watcher-password-1", Set.of(Role.MEMBER_ID)));
        String member = tokens.create(memberName, "metrics").secret();

        var workflow = api.post("/api/workflows:create", admin, Map.of("title", "Stamp " + s, "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", notes), "synchronous", true, "enabled", true, "nodes", List.of(
                        Map.of("key", "stamp", "type", "update", "config", Map.of("collection", notes,
                                "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                                "values", Map.of("text", "stamped"))))));
        assertThat(workflow.status()).isEqualTo(200);
        String key = (String) workflow.data().get("key");
        assertThat(api.post("/api/" + notes + ":create?triggerWorkflows=" + key, admin, Map.of("text", "one")).status()).isEqualTo(200);
        assertThat(api.post("/api/" + notes + ":create", admin, Map.of("text", "two", "nope", 1)).status()).isEqualTo(400);
        var later = api.post("/api/workflows:create", admin, Map.of("title", "Stamp later " + s, "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", notes), "synchronous", false, "enabled", true, "nodes", List.of(
                        Map.of("key", "stamp", "type", "update", "config", Map.of("collection", notes,
                                "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                                "values", Map.of("text", "stamped later"))))));
        String laterKey = (String) later.data().get("key");
        assertThat(api.post("/api/" + notes + ":create?triggerWorkflows=" + laterKey, admin, Map.of("text", "three")).status())
                .isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/actuator/prometheus", admin).body())
                        .containsPattern("actionflow_workflow_step_seconds_count\\{workflow=\"" + laterKey + "\"} 1"));

        var anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("json");
        assertThat(api.get("/actuator/prometheus", member).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", "not-the-scrape-token").status()).isEqualTo(401);

        var scraped = api.get("/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(scraped.status()).isEqualTo(200);
        var asAdmin = api.get("/actuator/prometheus", admin);
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.body())
                .containsPattern("actionflow_actions_total\\{action=\"create\",collection=\"" + notes + "\",outcome=\"done\"} 2\\.0")
                .containsPattern("actionflow_actions_total\\{action=\"create\",collection=\"" + notes + "\",outcome=\"invalid\"} 1\\.0")
                .containsPattern("actionflow_dispatch_seconds_count\\{action=\"create\",outcome=\"done\"} \\d")
                .containsPattern("actionflow_executions_total\\{mode=\"sync\",status=\"RESOLVED\",trigger=\"POST_ACTION\",workflow=\""
                        + key + "\"} 1\\.0")
                .containsPattern("actionflow_executions_queued \\d")
                .containsPattern("actionflow_executions_queued_oldest_seconds \\d")
                .containsPattern("actionflow_approval_tasks_open \\d")
                // every request is timed, without a long-task timer of the requests in flight beside it (its cost)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/\\{call}\"")
                .doesNotContain("http_server_requests_active");
        // the scraper may read metrics and nothing else
        assertThat(api.get("/api/" + notes + ":list", SCRAPE_TOKEN).status()).isEqualTo(401);
    }

    @Test
    void health_has_a_database_and_a_scheduler_group_and_a_degraded_runner_still_answers() throws Exception {
        var api = new ApiClient(port);
        var database = api.get("/actuator/health/database", null);
        assertThat(database.status()).isEqualTo(200);
        assertThat(database.body()).contains("\"UP\"");
        var scheduler = api.get("/actuator/health/scheduler", null);
        assertThat(scheduler.status()).isEqualTo(200);
        assertThat(scheduler.body()).containsPattern("\"status\":\"(UP|DEGRADED)\"");
    }
}
