package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Retention (issue 17): finished executions older than kept are removed with their jobs, test runs after their own
 * (shorter) age; newer ones and one an approval still waits on stay.
 */
@WithMockUser(username = "admin", roles = "admin")
class ExecutionRetentionTest extends IntegrationTest {

    @Autowired
    ExecutionRetention retention;

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Autowired
    DSLContext dsl;

    @Test
    void old_executions_go_with_their_jobs_and_the_rest_stays() {
        String logs = "retained_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        collections.create(new CollectionDraft(logs, "Logs", null, null));
        collections.addField(logs, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        var workflow = workflows.create(new WorkflowDraft("Retained " + logs, null, TriggerType.POST_ACTION,
                Map.of("collection", logs), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(NodeDef.of("write", "create",
                Map.of("collection", logs, "values", Map.of("note", "x"))))));
        long old = runner.runSync(workflow.id(), Map.of(), 0).executionId();
        long recent = runner.runSync(workflow.id(), Map.of(), 0).executionId();
        long oldTest = runner.runSync(workflow.id(), Map.of(), 0).executionId();
        long recentTest = runner.runSync(workflow.id(), Map.of(), 0).executionId();
        long awaited = runner.runSync(workflow.id(), Map.of(), 0).executionId();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        finished(old, now.minusDays(31), false);
        finished(recent, now.minusHours(1), false);
        finished(oldTest, now.minusDays(2), true);
        finished(recentTest, now.minusHours(2), true);
        finished(awaited, now.minusDays(40), false);
        dsl.insertInto(table(name("af_approval")))
                .set(field(name("workflow_key")), workflow.key()).set(field(name("collection_name")), logs)
                .set(field(name("action")), "CREATE").set(field(name("before_save")), true).set(field(name("data")), "{}")
                .set(field(name("held")), "{}").set(field(name("submitter")), "admin").set(field(name("title")), "Waiting")
                .set(field(name("status")), "PENDING").set(field(name("execution_id")), awaited)
                .set(field(name("created_at")), now).set(field(name("updated_at")), now).execute();
        assertThat(jobs(old)).isPositive();

        int removed = retention.removeOld();

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(exists(old)).isFalse();
        assertThat(jobs(old)).as("its jobs go with it").isZero();
        assertThat(exists(oldTest)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(jobs(recent)).isPositive();
        assertThat(exists(recentTest)).isTrue();
        assertThat(exists(awaited)).as("an approval waits on it").isTrue();
        assertThat(retention.removeOld()).as("nothing more to remove").isZero();
    }

    @Test
    void old_forms_no_longer_open_go_and_open_or_recent_ones_stay() {
        long execution = 9_000_000L + new java.util.Random().nextInt(1_000_000);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        record Form(String assignee, String status, OffsetDateTime at) {
        }
        for (var form : List.of(new Form("old-submitted", "SUBMITTED", now.minusDays(31)), new Form("old-open", "OPEN", now.minusDays(31)),
                new Form("new-submitted", "SUBMITTED", now.minusHours(1)))) {
            dsl.insertInto(table(name("af_manual_task"))).set(field(name("execution_id")), execution).set(field(name("job_key")), "ask")
                    .set(field(name("node_key")), "ask").set(field(name("title")), "Form").set(field(name("form")), "[]")
                    .set(field(name("mode_all")), false).set(field(name("assignee")), form.assignee()).set(field(name("status")), form.status())
                    .set(field(name("created_at")), form.at()).set(field(name("updated_at")), form.at()).execute();
        }

        retention.removeOld();

        assertThat(dsl.select(field(name("assignee"), String.class)).from(table(name("af_manual_task")))
                .where(field(name("execution_id")).eq(execution)).fetch(0, String.class)).containsExactlyInAnyOrder("old-open", "new-submitted");
    }

    @Test
    void old_webhook_deliveries_and_date_field_fires_go_and_recent_ones_stay() {
        String key = "wf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        for (var at : List.of(now.minusDays(31), now.minusHours(1))) {
            dsl.insertInto(table(name("af_webhook_delivery"))).set(field(name("hook_key")), key)
                    .set(field(name("delivery_id")), "d-" + at.toEpochSecond()).set(field(name("digest")), "x").set(field(name("status")), 202)
                    .set(field(name("created_at")), at).execute();
            dsl.insertInto(table(name("af_schedule_fire"))).set(field(name("workflow_key")), key)
                    .set(field(name("record_id")), 7L).set(field(name("due_at")), at).execute();
        }

        retention.removeOld();

        assertThat(dsl.fetchCount(table(name("af_webhook_delivery")), field(name("hook_key")).eq(key))).isEqualTo(1);
        assertThat(dsl.fetchCount(table(name("af_schedule_fire")), field(name("workflow_key")).eq(key))).isEqualTo(1);
    }

    private void finished(long id, OffsetDateTime at, boolean testRun) {
        dsl.update(table(name("af_execution"))).set(field(name("finished_at")), at).set(field(name("test_run")), testRun)
                .where(field(name("id")).eq(id)).execute();
    }

    private boolean exists(long id) {
        return dsl.fetchExists(table(name("af_execution")), field(name("id")).eq(id));
    }

    private int jobs(long id) {
        return dsl.fetchCount(table(name("af_job")), field(name("execution_id")).eq(id));
    }
}
