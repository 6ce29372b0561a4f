package io.actionflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.workflow.nodes.CalculationNode;
import io.actionflow.workflow.nodes.ConditionNode;
import io.actionflow.workflow.nodes.CreateRecordNode;
import io.actionflow.workflow.nodes.DelayNode;
import io.actionflow.workflow.nodes.DeleteRecordsNode;
import io.actionflow.workflow.nodes.EndNode;
import io.actionflow.workflow.nodes.HttpRequestNode;
import io.actionflow.workflow.nodes.LoopNode;
import io.actionflow.workflow.nodes.NotificationNode;
import io.actionflow.workflow.nodes.QueryNode;
import io.actionflow.workflow.nodes.ResponseMessageNode;
import io.actionflow.workflow.nodes.UpdateRecordsNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessorTest {

    static final Expressions EXPRESSIONS = new io.actionflow.workflow.expressions.SpelExpressions();
    static final NodeRegistry REGISTRY = new NodeRegistry(List.of(new ConditionNode(EXPRESSIONS), new LoopNode(), new CalculationNode(EXPRESSIONS),
            new QueryNode(), new CreateRecordNode(), new UpdateRecordsNode(), new DeleteRecordsNode(), new EndNode(),
            new ResponseMessageNode(), new HttpRequestNode(request -> { throw new UnsupportedOperationException(); }), new DelayNode(), new NotificationNode(),
            new io.actionflow.workflow.nodes.UpdateSubmittedNode()));

    final FakePorts fake = new FakePorts();
    final List<JobState> recorded = new ArrayList<>();

    @Test
    void a_condition_takes_the_yes_or_the_no_branch() {
        var graph = new WorkflowGraph(List.of(
                node("big", "condition", Map.of("expression", "$context.data.amount > 100"))
                        .withBranch("yes", List.of(node("say-yes", "response-message", Map.of("message", "Needs approval"))))
                        .withBranch("no", List.of(node("say-no", "response-message", Map.of("message", "Auto-approved")))),
                node("after", "response-message", Map.of("message", "Done with {{$context.data.amount}}"))));

        assertThat(run(graph, Map.of("data", Map.of("amount", 250))).messages()).containsExactly("Needs approval", "Done with 250");
        assertThat(run(graph, Map.of("data", Map.of("amount", 20))).messages()).containsExactly("Auto-approved", "Done with 20");
    }

    @Test
    void continue_only_if_true_ends_the_workflow_as_failed_when_false() {
        var graph = new WorkflowGraph(List.of(
                node("check", "condition", Map.of("expression", "$context.data.ok", "mode", "continue")),
                node("create", "create", Map.of("collection", "logs", "values", Map.of("note", "passed")))));

        assertThat(run(graph, Map.of("data", Map.of("ok", true))).status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(run(graph, Map.of("data", Map.of("ok", false))).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(fake.calls).containsExactly("create logs {note=passed}");
    }

    @Test
    void a_loop_runs_its_body_per_item_with_scope_variables() {
        var graph = new WorkflowGraph(List.of(
                node("each", "loop", Map.of("target", "{{$context.data.lines}}"))
                        .withBranch("body", List.of(node("line", "create", Map.of("collection", "lines",
                                "values", Map.of("name", "{{$scopes.each.item.name}}", "position", "{{$scopes.each.index}}"))))),
                node("times", "loop", Map.of("target", 2))
                        .withBranch("body", List.of(node("tick", "calculation", Map.of("expression", "$scopes.times.index * 10"))))));

        var result = run(graph, Map.of("data", Map.of("lines", List.of(Map.of("name", "Desk"), Map.of("name", "Chair")))));

        assertThat(result.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(fake.rows).extracting(r -> r.get("name"), r -> r.get("position"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Desk", 0), org.assertj.core.groups.Tuple.tuple("Chair", 1));
        assertThat(recorded).extracting(JobState::jobKey).contains("line@each:0", "line@each:1", "tick@times:1");
        assertThat(recorded.stream().filter(j -> j.jobKey().equals("tick@times:1")).findFirst().orElseThrow().output()).isEqualTo(10);
    }

    @Test
    void later_nodes_read_earlier_results_and_templates_keep_types() {
        fake.rows.add(new java.util.LinkedHashMap<>(Map.of("id", 7L, "title", "Tools", "stock", 3)));
        var graph = new WorkflowGraph(List.of(
                node("q", "query", Map.of("collection", "items", "filter", List.of(Map.of("field", "title", "op", "eq", "value", "{{$context.data.name}}")))),
                node("total", "calculation", Map.of("expression", "$jobsMapByNodeKey.q.stock * 2")),
                node("save", "update", Map.of("collection", "items", "filter", List.of(Map.of("field", "id", "value", "{{$jobsMapByNodeKey.q.id}}")),
                        "values", Map.of("stock", "{{$jobsMapByNodeKey.total}}", "note", "was {{$jobsMapByNodeKey.q.stock}}, missing: [{{$context.nothing}}]"))),
                node("reply", "response-message", Map.of("message", "{{$jobsMapByNodeKey.q.title}}: {{$jobsMapByNodeKey.save.count}} updated"))));

        var result = run(graph, Map.of("data", Map.of("name", "Tools")));

        assertThat(result.messages()).containsExactly("Tools: 1 updated");
        assertThat(fake.rows.getFirst()).containsEntry("stock", 6).containsEntry("note", "was 3, missing: []");
    }

    @Test
    void end_nodes_decide_the_outcome() {
        var fail = new WorkflowGraph(List.of(node("stop", "end", Map.of("status", "fail")),
                node("never", "create", Map.of("collection", "x", "values", Map.of("a", 1)))));
        var succeed = new WorkflowGraph(List.of(node("stop", "end", Map.of("status", "success"))));

        assertThat(run(fail, Map.of()).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run(succeed, Map.of()).status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(run(succeed, Map.of()).stopped()).as("an End node with success stops the action").isTrue();
        assertThat(run(new WorkflowGraph(List.of(node("calc", "calculation", Map.of("expression", "1")))), Map.of()).stopped())
                .as("a workflow that runs to its last node does not").isFalse();
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void update_submitted_data_changes_the_values_the_action_writes_and_what_later_nodes_read() {
        var graph = new WorkflowGraph(List.of(
                node("normalise", "update-submitted", Map.of("values", Map.of("code", "{{$context.data.prefix}}-1"))),
                node("say", "response-message", Map.of("message", "Code {{$context.data.code}}"))));
        var data = new java.util.HashMap<String, Object>(Map.of("code", " ab-1 ", "prefix", "AB", "amount", 5));

        var result = run(graph, new java.util.HashMap<>(Map.of("data", data)));

        assertThat(result.submitted()).containsEntry("code", "AB-1").containsEntry("amount", 5);
        assertThat(result.messages()).containsExactly("Code AB-1");
        assertThat(run(new WorkflowGraph(List.of(node("calc", "calculation", Map.of("expression", "1")))), Map.of()).submitted()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')", "new java.io.File('/etc/passwd').delete()",
            "@userService.toString()", "'abc'.getClass().forName('java.lang.Runtime')", "$context.toString()"})
    void the_sandbox_refuses_java_and_runs_nothing(String attack) {
        var graph = new WorkflowGraph(List.of(node("evil", "calculation", Map.of("expression", attack)),
                node("after", "create", Map.of("collection", "x", "values", Map.of("a", 1)))));

        var result = run(graph, Map.of());

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(result.error())).contains("Java types, constructors, beans or methods");
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void a_delay_waits_and_the_resumed_run_replays_without_repeating_side_effects() {
        var graph = new WorkflowGraph(List.of(
                node("log", "create", Map.of("collection", "logs", "values", Map.of("step", "before"))),
                node("wait", "delay", Map.of("duration", "PT10M")),
                node("after", "create", Map.of("collection", "logs", "values", Map.of("step", "after {{$jobsMapByNodeKey.log.id}}")))));

        var first = run(graph, Map.of(), false, null, List.of());
        assertThat(first.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(first.resumeAt()).isEqualTo(Instant.parse("2026-11-22T10:10:00Z"));

        var tooEarly = run(graph, Map.of(), false, null, List.copyOf(recorded));
        assertThat(tooEarly.status()).isEqualTo(ExecutionStatus.WAITING);

        fake.clock.advance(Duration.ofMinutes(11));
        var resumed = run(graph, Map.of(), false, null, List.copyOf(recorded));
        assertThat(resumed.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(fake.calls).containsExactly("create logs {step=before}", "create logs {step=after 1}");
    }

    @Test
    void an_http_error_fails_the_node_and_a_2xx_answer_is_its_output() {
        var graph = new WorkflowGraph(List.of(node("call", "request", Map.of("method", "post", "url", "http://127.0.0.1/hook",
                "body", "{\"id\": {{$context.data.id}}}"))));

        fake.nextResponse = new HttpPort.Response(503, Map.of(), "busy");
        var failed = run(graph, Map.of("data", Map.of("id", 5)));
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(failed.error())).contains("answered 503");

        fake.nextResponse = new HttpPort.Response(201, Map.of(), Map.of("ok", true));
        assertThat(run(graph, Map.of("data", Map.of("id", 5))).status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(fake.calls).containsExactly("POST http://127.0.0.1/hook {\"id\":5}", "POST http://127.0.0.1/hook {\"id\":5}");
    }

    @Test
    void an_unexpected_exception_is_an_error_with_its_reason_recorded() {
        fake.failNextCreate = new IllegalStateException("database went away");
        var graph = new WorkflowGraph(List.of(node("c", "create", Map.of("collection", "x", "values", Map.of("a", 1)))));

        var result = run(graph, Map.of());

        assertThat(result.status()).isEqualTo(ExecutionStatus.ERROR);
        assertThat(recorded.getFirst().status()).isEqualTo(JobStatus.ERROR);
        assertThat(io.actionflow.English.of(recorded.getFirst().error())).contains("database went away");
    }

    @Test
    void an_execution_past_its_deadline_is_aborted() {
        var graph = new WorkflowGraph(List.of(node("c", "calculation", Map.of("expression", "1 + 1"))));

        var result = run(graph, Map.of(), true, fake.clock.instant().minusSeconds(1), List.of());

        assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void notifications_reach_the_named_users_and_records_are_deleted_by_filter() {
        fake.rows.add(new java.util.LinkedHashMap<>(Map.of("id", 1L, "state", "old")));
        var graph = new WorkflowGraph(List.of(
                node("purge", "destroy", Map.of("collection", "items", "filter", List.of(Map.of("field", "state", "value", "old")))),
                node("tell", "notification", Map.of("users", List.of("admin", "{{$context.user.username}}"),
                        "title", "Purged", "message", "{{$jobsMapByNodeKey.purge.count}} old item(s) removed"))));

        run(graph, Map.of("user", Map.of("username", "member")));

        assertThat(fake.rows).isEmpty();
        assertThat(fake.notified).containsExactly("[admin, member] Purged: 1 old item(s) removed");
    }

    @Test
    void record_nodes_refuse_to_change_everything_without_a_filter() {
        var graph = new WorkflowGraph(List.of(node("all", "update", Map.of("collection", "items", "values", Map.of("a", 1)))));

        var result = run(graph, Map.of());

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(result.error())).contains("no filter");
    }

    private RunResult run(WorkflowGraph graph, Map<String, Object> context) {
        return run(graph, context, true, null, List.of());
    }

    private RunResult run(WorkflowGraph graph, Map<String, Object> context, boolean synchronous, Instant deadline, List<JobState> jobs) {
        var state = new ExecutionState(context, synchronous, deadline, jobs);
        return new Processor(REGISTRY, fake.ports()).run(graph, state, recorded::add);
    }

    static NodeDef node(String key, String type, Map<String, Object> config) {
        return NodeDef.of(key, type, config);
    }
}
