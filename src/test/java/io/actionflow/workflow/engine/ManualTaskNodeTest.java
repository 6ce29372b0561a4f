package io.actionflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.English;
import io.actionflow.workflow.nodes.ManualTaskNode;
import io.actionflow.workflow.nodes.NotificationNode;
import io.actionflow.workflow.nodes.ResponseMessageNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Manual task node on the plain engine, with a clock the test moves and forms the test submits. */
class ManualTaskNodeTest {

    static final NodeRegistry REGISTRY = new NodeRegistry(List.of(new ManualTaskNode(), new ResponseMessageNode(), new NotificationNode()));
    static final long EXECUTION = 41L;

    final FakePorts fake = new FakePorts();
    final List<JobState> recorded = new ArrayList<>();

    static NodeDef ask(Map<String, Object> extra) {
        var config = new LinkedHashMap<String, Object>(Map.of("assignees", List.of("anna", "ben"), "title", "Budget code for {{$context.data.title}}",
                "fields", List.of(Map.of("name", "budget_code", "type", "text", "required", true),
                        Map.of("name", "amount", "type", "decimal", "value", "{{$context.data.amount}}"))));
        config.putAll(extra);
        return NodeDef.of("ask", "manual", config);
    }

    static WorkflowGraph graph(NodeDef manual) {
        return new WorkflowGraph(List.of(manual,
                NodeDef.of("say", "response-message", Map.of("message", "Code {{$jobsMapByNodeKey.ask.values.budget_code}} by {{$jobsMapByNodeKey.ask.by}}"))));
    }

    RunResult run(WorkflowGraph graph) {
        var state = new ExecutionState(EXECUTION, Map.of("data", Map.of("title", "Desk", "amount", 120)), false, null, List.copyOf(recorded));
        return new Processor(REGISTRY, fake.ports()).run(graph, state, recorded::add);
    }

    @Test
    void asks_once_waits_without_a_time_and_goes_on_with_what_was_submitted() {
        var graph = graph(ask(Map.of()));

        var first = run(graph);
        assertThat(first.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(first.resumeAt()).isNull();
        assertThat(fake.tasks.asked).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Budget code for Desk");
            assertThat(a.named()).containsExactly("anna", "ben");
            assertThat(a.values()).containsEntry("amount", 120);
            assertThat(a.all()).isFalse();
            assertThat(a.jobKey()).isEqualTo("ask");
        });

        // woken with nothing submitted: still waiting, and no one asked twice
        assertThat(run(graph).status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(fake.tasks.asked).hasSize(1);

        fake.tasks.submit(EXECUTION, "ask", "ben", Map.of("budget_code", "B-7"), fake.clock.instant());
        var done = run(graph);
        assertThat(done.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(done.messages()).containsExactly("Code B-7 by ben");
        assertThat(fake.tasks.expired).isEmpty();
    }

    @Test
    void mode_all_waits_for_everyone_and_keeps_each_submission() {
        var graph = graph(ask(Map.of("mode", "all")));
        run(graph);
        fake.tasks.submit(EXECUTION, "ask", "anna", Map.of("budget_code", "A-1", "amount", 100), fake.clock.instant());
        assertThat(run(graph).status()).isEqualTo(ExecutionStatus.WAITING);

        fake.clock.advance(Duration.ofMinutes(5));
        fake.tasks.submit(EXECUTION, "ask", "ben", Map.of("budget_code", "B-2"), fake.clock.instant());
        var done = run(graph);

        assertThat(done.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(done.messages()).containsExactly("Code B-2 by ben");
        @SuppressWarnings("unchecked")
        var output = (Map<String, Object>) last("ask").output();
        assertThat(output).containsEntry("outcome", "submitted").containsEntry("values", Map.of("budget_code", "B-2", "amount", 100));
        assertThat((List<?>) output.get("submissions")).hasSize(2);
    }

    @Test
    void reminds_once_then_takes_the_timeout_branch_and_goes_on() {
        var manual = ask(Map.of("timeout", "P2D", "remindAfter", "PT24H"))
                .withBranch("timeout", List.of(NodeDef.of("late", "notification", Map.of("users", List.of("boss"), "message", "No code for {{$context.data.title}}"))));
        var graph = new WorkflowGraph(List.of(manual, NodeDef.of("after", "response-message", Map.of("message", "Outcome {{$jobsMapByNodeKey.ask.outcome}}"))));
        Instant start = fake.clock.instant();

        var first = run(graph);
        assertThat(first.resumeAt()).isEqualTo(start.plus(Duration.ofHours(24)));

        fake.clock.advance(Duration.ofHours(24));
        var reminded = run(graph);
        assertThat(reminded.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(reminded.resumeAt()).isEqualTo(start.plus(Duration.ofDays(2)));
        assertThat(fake.tasks.reminded).containsExactly(EXECUTION + "/ask");

        fake.clock.advance(Duration.ofHours(23));
        assertThat(run(graph).status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(fake.tasks.reminded).hasSize(1);

        fake.clock.advance(Duration.ofHours(1));
        var late = run(graph);
        assertThat(late.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(late.messages()).containsExactly("Outcome timeout");
        assertThat(fake.notified).containsExactly("[boss] : No code for Desk");
        assertThat(fake.tasks.expired).containsExactly(EXECUTION + "/ask");
    }

    @Test
    void a_form_submitted_before_the_deadline_goes_on_at_once() {
        var graph = graph(ask(Map.of("timeout", "P7D")));
        assertThat(run(graph).resumeAt()).isEqualTo(fake.clock.instant().plus(Duration.ofDays(7)));

        fake.clock.advance(Duration.ofMinutes(3));
        fake.tasks.submit(EXECUTION, "ask", "anna", Map.of("budget_code", "A-9"), fake.clock.instant());
        var done = run(graph);

        assertThat(done.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(done.messages()).containsExactly("Code A-9 by anna");
    }

    @Test
    void a_node_that_names_no_one_who_can_be_asked_fails_with_its_reason() {
        var graph = graph(NodeDef.of("ask", "manual", Map.of("role", "auditors", "fields", List.of(Map.of("name", "note", "type", "text")))));

        var result = run(graph);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(English.of(result.error())).contains("ask").contains("no one");
    }

    @Test
    void a_test_run_without_an_execution_says_the_node_cannot_wait_there() {
        var state = new ExecutionState(Map.of(), false, null, List.of());
        var result = new Processor(REGISTRY, fake.ports()).run(graph(ask(Map.of())), state, recorded::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(fake.tasks.asked).isEmpty();
    }

    @Test
    void settings_are_checked_before_the_node_can_run() {
        var node = new ManualTaskNode();
        assertThat(node.problems(NodeDef.of("m", "manual", Map.of()), NodeCheck.NONE)).extracting(t -> t.key())
                .containsExactly("manual.problem.nobody", "manual.problem.noFields");
        var bad = NodeDef.of("m", "manual", Map.of("assignees", "anna", "mode", "some", "timeout", "soon", "remindAfter", "-PT1H",
                "fields", List.of(Map.of("name", "1st", "type", "text"), Map.of("name", "code", "type", "text"), Map.of("name", "code", "type", "text"),
                        Map.of("name", "kind", "type", "single_select"), Map.of("name", "who", "type", "many_to_one"), Map.of("name", "free"))));
        assertThat(node.problems(bad, NodeCheck.NONE)).extracting(t -> t.key()).containsExactly("manual.problem.mode",
                "workflow.error.duration", "workflow.error.duration", "manual.problem.fieldName", "manual.problem.fieldTwice",
                "manual.problem.options", "manual.problem.fieldType", "manual.problem.fieldType");
        assertThat(node.problems(ask(Map.of("timeout", "{{$context.data.days}}")), NodeCheck.NONE)).isEmpty();
    }

    private JobState last(String key) {
        return recorded.stream().filter(j -> j.jobKey().equals(key)).reduce((a, b) -> b).orElseThrow();
    }
}
