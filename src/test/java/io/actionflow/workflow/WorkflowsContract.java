package io.actionflow.workflow;

import io.actionflow.triggers.TriggerType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.JobStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Workflow versions, synchronous runs, test runs and history, on every database we run on. */
@WithMockUser(username = "admin", roles = "admin")
abstract class WorkflowsContract {

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    TransactionTemplate transaction;

    String logs;

    @BeforeEach
    void collection() {
        logs = "logs_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(logs, "Logs", null, null));
        collections.addField(logs, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note").withRequired(true)));
    }

    @Test
    void a_synchronous_workflow_writes_in_the_callers_transaction_and_rolls_back_with_it() {
        var workflow = withNodes(List.of(node("write", "create", Map.of("collection", logs, "values", Map.of("note", "{{$context.data.note}}")))));

        RunOutcome outcome = transaction.execute(status -> {
            var run = runner.runSync(workflow.id(), Map.of("data", Map.of("note", "rolled back")), 0);
            assertThat(queries.count(logs, Filter.all())).isEqualTo(1);
            status.setRollbackOnly();
            return run;
        });

        assertThat(outcome.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(queries.count(logs, Filter.all())).isZero();
        assertThat(workflows.executions(workflow.id(), 10)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.RESOLVED));
        assertThat(workflows.jobs(outcome.executionId())).singleElement()
                .satisfies(j -> assertThat(j.status()).isEqualTo(JobStatus.RESOLVED))
                .satisfies(j -> assertThat(j.output()).asString().contains("rolled back"));
    }

    @Test
    void a_version_that_ran_is_frozen_and_enabling_a_version_makes_it_current() {
        var v1 = withNodes(List.of(node("calc", "calculation", Map.of("expression", "1 + 1"))));
        workflows.enable(v1.id());
        runner.runSync(v1.id(), Map.of(), 0);

        var v2 = workflows.updateGraph(v1.id(), new WorkflowGraph(List.of(node("calc", "calculation", Map.of("expression", "2 + 2")))));

        assertThat(v2.id()).isNotEqualTo(v1.id());
        assertThat(v2.key()).isEqualTo(v1.key());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.graph().all()).extracting(NodeDef::key).containsExactly("calc");
        assertThat(workflows.get(v1.id()).graph().all().getFirst().config()).containsEntry("expression", "1 + 1");
        assertThat(workflows.get(v1.id()).current()).isTrue();

        workflows.enable(v2.id());
        assertThat(workflows.get(v1.id())).satisfies(w -> assertThat(w.current()).isFalse()).satisfies(w -> assertThat(w.enabled()).isFalse());
        assertThat(workflows.versions(v1.key())).extracting(WorkflowDefinition::version).containsExactly(2, 1);
        assertThat(workflows.list()).filteredOn(w -> w.key().equals(v1.key())).singleElement()
                .satisfies(w -> assertThat(w.version()).isEqualTo(2));
    }

    @Test
    void enabling_lists_every_problem_and_changes_nothing() {
        var workflow = withNodes(List.of(node("wait", "delay", Map.of("duration", "PT1M")),
                node("say", "response-message", Map.of("message", "{{$jobsMapByNodeKey.missing}}"))));

        assertThatThrownBy(() -> workflows.enable(workflow.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> io.actionflow.English.of(io.actionflow.platform.Text.of(error.messageKey(), error.args().toArray())))
                        .containsExactly("Node wait (delay) waits, so it cannot be in a synchronous workflow.",
                                "Node say uses the result of missing, which does not run before it."));
        assertThat(workflows.get(workflow.id()).enabled()).isFalse();
    }

    @Test
    void a_test_run_shows_each_nodes_result_and_keeps_no_data() {
        var workflow = withNodes(List.of(
                node("write", "create", Map.of("collection", logs, "values", Map.of("note", "test"))),
                node("check", "condition", Map.of("expression", "$jobsMapByNodeKey.write.note == 'test'"))
                        .withBranch("yes", List.of(node("say", "response-message", Map.of("message", "wrote {{$jobsMapByNodeKey.write.id}}"))))));

        var outcome = workflows.testRun(workflow.id(), Map.of());

        assertThat(outcome.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(outcome.messages()).singleElement().asString().startsWith("wrote ");
        assertThat(queries.count(logs, Filter.all())).isZero();
        assertThat(workflows.jobs(outcome.executionId())).extracting(JobView::nodeKey).containsExactly("write", "check", "say");
        assertThat(workflows.executions(workflow.id(), 5).getFirst().testRun()).isTrue();
        // a test run does not freeze the version
        assertThat(workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of())).id()).isEqualTo(workflow.id());
    }

    @Test
    void a_failing_http_node_records_its_error() throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            var workflow = withNodes(List.of(node("call", "request", Map.of("method", "POST", "url", url, "body", "{}"))));
            var outcome = runner.runSync(workflow.id(), Map.of(), 0);

            assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(workflows.jobs(outcome.executionId())).singleElement()
                    .satisfies(j -> assertThat(io.actionflow.English.of(j.error())).contains("answered 500"));

            var elsewhere = withNodes(List.of(node("call", "request", Map.of("url", "http://example.org/"))));
            assertThat(io.actionflow.English.of(runner.runSync(elsewhere.id(), Map.of(), 0).error())).contains("not on the allow-list");
            // an allowed name is refused once it resolves to an internal address no one listed
            var internal = withNodes(List.of(node("call", "request", Map.of("url", "http://localhost:" + server.getAddress().getPort() + "/hook"))));
            assertThat(io.actionflow.English.of(runner.runSync(internal.id(), Map.of(), 0).error()))
                    .contains("resolves to 127.0.0.1, an internal address");
            // an address written out in full is checked before the workflow is enabled
            var literal = workflows.create(new WorkflowDraft("Call out " + UUID.randomUUID(), null, TriggerType.COLLECTION,
                    Map.of("collection", logs, "on", List.of("created")), false, 0));
            workflows.updateGraph(literal.id(), new WorkflowGraph(List.of(node("call", "request", Map.of("url", "http://169.254.169.254/latest")))));
            assertThatThrownBy(() -> workflows.enable(literal.id())).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).extracting(er -> io.actionflow.English.of(new io.actionflow.platform.Text(er.messageKey(), er.args())))
                            .anyMatch(m -> m.contains("169.254.169.254 is not on the allow-list")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void workflows_started_too_deep_are_aborted_unrun() {
        var workflow = withNodes(List.of(node("write", "create", Map.of("collection", logs, "values", Map.of("note", "x")))));

        var outcome = runner.runSync(workflow.id(), Map.of(), 6);

        assertThat(outcome.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(queries.count(logs, Filter.all())).isZero();
    }

    @Test
    void a_workflow_exports_and_imports_as_json_keeping_its_key() {
        var workflow = withNodes(List.of(node("calc", "calculation", Map.of("expression", "6 * 7"))));

        var imported = workflows.importJson(workflows.export(workflow.id()));

        assertThat(imported.key()).isEqualTo(workflow.key());
        assertThat(imported.version()).isEqualTo(2);
        assertThat(imported.graph()).isEqualTo(workflow.graph());
        int versionsBefore = workflows.versions(workflow.key()).size();
        assertThat(refusal(() -> workflows.importJson("{\"triggerType\": \"NOPE\"}")))
                .containsExactly("workflow.import.triggerType");
        assertThat(refusal(() -> workflows.importJson("{not json")))
                .containsExactly("workflow.import.notJson");
        assertThat(refusal(() -> workflows.importJson("[1, 2]"))).containsExactly("workflow.import.notObject");
        String broken = workflows.export(workflow.id())
                .replace("\"nodes\":[", "\"nodes\":[{\"key\":\"x\",\"type\":\"teleport\"},{\"key\":\"calc\",\"type\":\"end\"},");
        assertThat(refusal(() -> workflows.importJson(broken)))
                .containsExactly("workflow.import.nodeType", "workflow.import.duplicateKey");
        assertThat(workflows.versions(workflow.key())).hasSize(versionsBefore);
    }

    @Test
    void the_history_spans_versions_and_filters_by_version_status_dates_and_test_runs() {
        var v1 = withNodes(List.of(node("calc", "calculation", Map.of("expression", "6 * 7"))));
        runner.runSync(v1.id(), Map.of(), 0);
        var v2 = workflows.updateGraph(v1.id(), new WorkflowGraph(List.of(node("stop", "end", Map.of("status", "fail")))));
        assertThat(v2.id()).isNotEqualTo(v1.id());
        runner.runSync(v2.id(), Map.of(), 0);
        runner.runSync(v2.id(), Map.of(), 0);
        workflows.testRun(v2.id(), Map.of());

        var all = ExecutionQuery.of(v1.key());
        assertThat(workflows.countExecutions(all)).isEqualTo(4);
        assertThat(workflows.executions(all, 0, 2)).hasSize(2).extracting(ExecutionSummary::testRun).containsExactly(true, false);
        assertThat(workflows.executions(all, 1, 2)).extracting(ExecutionSummary::version).containsExactly(2, 1);
        assertThat(workflows.countExecutions(new ExecutionQuery(v1.key(), v1.id(), java.util.Set.of(), null, null, true))).isEqualTo(1);
        assertThat(workflows.countExecutions(new ExecutionQuery(v1.key(), null, java.util.Set.of(ExecutionStatus.FAILED), null, null, false))).isEqualTo(2);
        assertThat(workflows.countExecutions(new ExecutionQuery(v1.key(), null, java.util.Set.of(), null, null, false))).isEqualTo(3);
        var now = java.time.Instant.now();
        assertThat(workflows.countExecutions(new ExecutionQuery(v1.key(), null, java.util.Set.of(), now.minusSeconds(3600), now.plusSeconds(60), true))).isEqualTo(4);
        assertThat(workflows.countExecutions(new ExecutionQuery(v1.key(), null, java.util.Set.of(), now.plusSeconds(60), null, true))).isZero();
        assertThat(workflows.lastRuns(List.of(v1.key(), "never_ran"))).containsOnlyKeys(v1.key());
    }

    private static List<String> refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, call);
        assertThat(thrown).as("refused").isNotNull();
        return thrown.errors().stream().map(io.actionflow.platform.FieldError::messageKey).toList();
    }

    @Test
    void settings_are_checked_per_trigger_type() {
        assertThatThrownBy(() -> workflows.create(new WorkflowDraft(" ", null, TriggerType.POST_ACTION, Map.of("collection", "nowhere"), false, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("title", "collection"));
        var preAction = workflows.create(new WorkflowDraft("Check", null, TriggerType.PRE_ACTION, Map.of("collection", logs), false, 0));
        assertThat(preAction.synchronous()).as("pre-action workflows are always synchronous").isTrue();
        var global = workflows.create(new WorkflowDraft("Global", null, TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true, 0));
        assertThat(global.triggerConfig()).containsEntry("contextType", "none");

        assertThat(refusal(() -> workflows.create(new WorkflowDraft("G", null, TriggerType.PRE_ACTION,
                Map.of("collection", logs, "global", true), true, 0)))).containsExactly("trigger.actions.required");
        assertThat(refusal(() -> workflows.create(new WorkflowDraft("P", null, TriggerType.POST_ACTION,
                Map.of("collection", logs, "global", true, "actions", List.of("destroy"), "appends", List.of("note")), true, 0))))
                .containsExactly("trigger.postAction.noDestroy", "trigger.append.invalid");
        assertThat(refusal(() -> workflows.create(new WorkflowDraft("E", null, TriggerType.COLLECTION,
                Map.of("collection", logs, "changedFields", List.of("nope")), true, 0))))
                .containsExactly("trigger.on.required", "trigger.field.unknown");
        assertThat(refusal(() -> workflows.create(new WorkflowDraft("E", null, TriggerType.COLLECTION,
                Map.of("collection", logs, "on", List.of("created"), "condition", "T(java.lang.System).exit(0)"), true, 0))))
                .containsExactly("workflow.error.expressionUnsafe");
        assertThat(refusal(() -> workflows.create(new WorkflowDraft("C", null, TriggerType.CUSTOM_ACTION,
                Map.of("contextType", "everything", "collection", logs), true, 0)))).containsExactly("workflow.contextType.invalid");
        assertThat(refusal(() -> workflows.create(new WorkflowDraft("A", null, TriggerType.APPROVAL,
                Map.of("collection", logs, "mode", "whenever", "roles", List.of("boss")), false, 0))))
                .containsExactly("trigger.approval.mode.invalid", "trigger.approval.role.unknown");
        var approval = workflows.create(new WorkflowDraft("Approve", null, TriggerType.APPROVAL,
                Map.of("collection", logs, "mode", "afterSave", "roles", List.of("member")), false, 0));
        assertThat(approval.synchronous()).as("approvals are always asynchronous").isFalse();
        assertThat(approval.triggerConfig()).containsEntry("mode", "afterSave").containsEntry("roles", List.of("member"));
        var event = workflows.create(new WorkflowDraft("On change", null, TriggerType.COLLECTION,
                Map.of("collection", logs, "on", List.of("created", "updated"), "changedFields", List.of("note")), false, 0));
        assertThat(event.triggerConfig()).containsEntry("on", List.of("created", "updated"));
    }

    private WorkflowDefinition withNodes(List<NodeDef> nodes) {
        var workflow = workflows.create(new WorkflowDraft("Test " + UUID.randomUUID(), null, TriggerType.POST_ACTION,
                Map.of("collection", logs), true, 0));
        return workflows.updateGraph(workflow.id(), new WorkflowGraph(nodes));
    }

    private static NodeDef node(String key, String type, Map<String, Object> config) {
        return NodeDef.of(key, type, config);
    }
}
