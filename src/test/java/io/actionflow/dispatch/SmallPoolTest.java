package io.actionflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many more clicks at once than the pool has connections, each blocked by a pre-action (its run then written after the
 * rollback): every one is answered with its refusal and every run is in the history. A click that took a second
 * connection while holding its first could wait for ever (until the pool's timeout) once every connection was held
 * by a click waiting for a second one: the load run of issue 17 met exactly that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:small-pool;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=3000"})
@ActiveProfiles("test")
class SmallPoolTest {

    private static final int CLICKS = 48;

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    CollectionService collections;

    @Autowired
    WorkflowService workflows;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void clicks_blocked_by_a_pre_action_never_wait_for_a_second_connection() throws Exception {
        String key = asAdmin(() -> {
            collections.create(new CollectionDraft("guarded", "Guarded", null, null));
            collections.addField("guarded", FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
            var guard = workflows.create(new WorkflowDraft("Refuse all", null, TriggerType.PRE_ACTION, Map.of("collection", "guarded"), true, 0));
            workflows.updateGraph(guard.id(), new WorkflowGraph(List.of(NodeDef.of("stop", "end", Map.of("status", "fail")))));
            return workflows.enable(guard.id()).key();
        });

        var start = new CountDownLatch(1);
        var answers = new ArrayList<java.util.concurrent.Future<ActionResult>>();
        try (var clicks = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < CLICKS; i++) {
                int n = i;
                answers.add(clicks.submit(() -> {
                    start.await();
                    return asAdmin(() -> dispatcher.dispatch(new ActionRequest("guarded", Action.CREATE, List.of(),
                            Map.of("name", "n" + n), List.of(new WorkflowBinding(key, null)), "admin", "admin", ActionSource.API, null)));
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isInstanceOf(ActionResult.Blocked.class);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from rec_guarded", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from af_execution e join af_workflow w on w.id = e.workflow_id"
                + " where w.wf_key = ? and e.status = 'FAILED'", Long.class, key)).as("every blocked run in the history").isEqualTo(CLICKS);
    }

    private <T> T asAdmin(Callable<T> work) throws Exception {
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_admin"))));
        contexts.setContext(context);
        try {
            return work.call();
        } finally {
            contexts.clearContext();
        }
    }
}
