package io.actionflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.workflow.expressions.SpelExpressions;
import io.actionflow.workflow.nodes.ResponseMessageNode;
import io.actionflow.workflow.nodes.SwitchNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The multi-way branch on the plain engine: cases in order, the first that holds wins, otherwise the rest. */
class SwitchNodeTest {

    static final SwitchNode SWITCH = new SwitchNode(new SpelExpressions());
    static final NodeRegistry REGISTRY = new NodeRegistry(List.of(SWITCH, new ResponseMessageNode()));

    final FakePorts fake = new FakePorts();

    static WorkflowGraph graph() {
        var route = NodeDef.of("route", "switch", Map.of("cases", List.of(
                Map.of("key", "huge", "title", "Huge", "when", "{{$context.data.amount}} > 10000"),
                Map.of("key", "large", "title", "Large", "when", "$context.data.amount > 500"),
                Map.of("key", "urgent", "title", "Urgent", "when", "$context.data.urgent == true"))))
                .withBranch("huge", List.of(say("board")))
                .withBranch("large", List.of(say("manager")))
                .withBranch("urgent", List.of(say("on call")))
                .withBranch("otherwise", List.of(say("nobody")));
        return new WorkflowGraph(List.of(route, NodeDef.of("after", "response-message",
                Map.of("message", "case {{$jobsMapByNodeKey.route.case}}"))));
    }

    static NodeDef say(String who) {
        return NodeDef.of("say-" + who.replace(' ', '-'), "response-message", Map.of("message", who));
    }

    List<String> run(Map<String, Object> data) {
        var state = new ExecutionState(Map.of("data", data), true, null, List.of());
        var result = new Processor(REGISTRY, fake.ports()).run(graph(), state, new ArrayList<JobState>()::add);
        assertThat(result.status()).isEqualTo(ExecutionStatus.RESOLVED);
        return result.messages();
    }

    @Test
    void the_first_case_that_holds_wins_then_the_workflow_goes_on() {
        assertThat(run(Map.of("amount", 20000, "urgent", true))).containsExactly("board", "case huge");
        assertThat(run(Map.of("amount", 900, "urgent", true))).containsExactly("manager", "case large");
        assertThat(run(Map.of("amount", 10, "urgent", true))).containsExactly("on call", "case urgent");
        assertThat(run(Map.of("amount", 10, "urgent", false))).containsExactly("nobody", "case otherwise");
    }

    @Test
    void a_case_that_is_not_true_or_false_fails_the_run_naming_it() {
        var route = NodeDef.of("route", "switch", Map.of("cases", List.of(Map.of("key", "odd", "when", "$context.data.amount + 1"))));
        var state = new ExecutionState(Map.of("data", Map.of("amount", 1)), true, null, List.of());

        var result = new Processor(REGISTRY, fake.ports()).run(new WorkflowGraph(List.of(route)), state, new ArrayList<JobState>()::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(result.error())).contains("route › odd");
    }

    @Test
    void settings_are_checked_before_it_can_run() {
        assertThat(SWITCH.problems(NodeDef.of("s", "switch", Map.of()))).extracting(t -> t.key()).containsExactly("switch.problem.noCases");
        var bad = NodeDef.of("s", "switch", Map.of("cases", List.of(Map.of("key", "a", "when", "1 >"), Map.of("key", "a", "when", "true"),
                Map.of("key", "otherwise", "when", "true"), Map.of("key", "b", "when", " "), Map.of("key", "b c", "when", "true"))));
        assertThat(SWITCH.problems(bad)).extracting(t -> t.key()).containsExactly("workflow.problem.node", "switch.problem.key",
                "switch.problem.key", "switch.problem.when", "switch.problem.key");
        assertThat(SwitchNode.branches(graph().chain().getFirst().config())).containsExactly("huge", "large", "urgent", "otherwise");
    }
}
