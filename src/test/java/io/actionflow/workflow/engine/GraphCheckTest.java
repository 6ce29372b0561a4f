package io.actionflow.workflow.engine;

import static io.actionflow.workflow.engine.ProcessorTest.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCheckTest {

    final GraphCheck check = new GraphCheck(ProcessorTest.REGISTRY);

    @Test
    void a_sound_workflow_has_no_problems() {
        var graph = new WorkflowGraph(List.of(
                node("q", "query", Map.of("collection", "items")),
                node("big", "condition", Map.of("expression", "$jobsMapByNodeKey.q.amount > 10"))
                        .withBranch("yes", List.of(node("say", "response-message", Map.of("message", "{{$jobsMapByNodeKey.q.title}}"))))));

        assertThat(check.problems(graph, true)).isEmpty();
    }

    @Test
    void waiting_nodes_need_an_asynchronous_workflow_and_messages_a_synchronous_one() {
        var graph = new WorkflowGraph(List.of(node("wait", "delay", Map.of("duration", "PT1M")),
                node("say", "response-message", Map.of("message", "hi"))));

        assertThat(check.problems(graph, true)).extracting(io.actionflow.English::of).singleElement().asString().contains("wait").contains("synchronous");
        assertThat(check.problems(graph, false)).extracting(io.actionflow.English::of).singleElement().asString().contains("say").contains("only works in a synchronous");
    }

    @Test
    void references_must_name_earlier_nodes_and_enclosing_loops() {
        var graph = new WorkflowGraph(List.of(
                node("first", "calculation", Map.of("expression", "$jobsMapByNodeKey.later + 1")),
                node("loop", "loop", Map.of("target", 3)).withBranch("body", List.of(
                        node("inside", "calculation", Map.of("expression", "$scopes.loop.index")))),
                node("outside", "response-message", Map.of("message", "{{$scopes.loop.item}} {{$nonsense.x}}")),
                node("later", "calculation", Map.of("expression", "1"))));

        assertThat(check.problems(graph, true)).extracting(io.actionflow.English::of).containsExactlyInAnyOrder(
                "Node first uses the result of later, which does not run before it.",
                "Node outside uses the loop loop, which does not contain it.",
                "Node outside uses the unknown variable {{$nonsense.x}}.");
    }

    @Test
    void bad_expressions_unknown_types_and_duplicate_keys_are_reported() {
        var graph = new WorkflowGraph(List.of(
                node("a", "calculation", Map.of("expression", "T(java.lang.System).exit(0)")),
                node("a", "teleport", Map.of()),
                node("c", "condition", Map.of("expression", "1 +"))));

        var problems = check.problems(graph, true).stream().map(io.actionflow.English::of).toList();
        assertThat(problems).anyMatch(p -> p.contains("used twice"));
        assertThat(problems).anyMatch(p -> p.contains("unknown type teleport"));
        assertThat(problems).anyMatch(p -> p.startsWith("Node a:") && p.contains("Java types"));
        assertThat(problems).anyMatch(p -> p.startsWith("Node c:") && p.contains("is not valid"));
    }
}
