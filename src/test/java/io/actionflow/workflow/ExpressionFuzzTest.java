package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Generated hostile values (quotes, operators, parentheses, SpEL and template syntax, very long and deeply nested
 * texts) submitted to a workflow whose conditions and calculations name them with {{…}}: every branch taken and every
 * value computed is exactly what the same value gives as data, and nothing fails (issue 15).
 */
class ExpressionFuzzTest extends IntegrationTest {

    static final int CASES = 1500;

    private static final List<String> FRAGMENTS = List.of("'", "\"", "''", "\"\"", "' == '", "' or 'a", "or", "and", "not",
            "==", "!=", "(", ")", "((", "))", "[", "]", "{", "}", "{{", "}}", "{{$context.user}}", "$context", "$context.role",
            "#root", "#this", "#af0", "T(java.lang.Runtime).getRuntime().exec('id')", "new java.io.File('/')", "@bean",
            "#{1+1}", "${x}", "?:", "?.", ".?[true]", ".![1]", " ", "\t", "\n", "1", "0", "-1", "1e9", "admin", "ADMIN",
            "true", "null", "\\", "\\'", "é", "漢字", "\uD83D\uDE00", "+", "*", "/", "%", "matches", "'.*'", "=", "++", "--");

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void hostile_values_are_values_in_every_condition_and_calculation() {
        var workflow = workflows.create(new WorkflowDraft("Fuzz " + UUID.randomUUID().toString().substring(0, 6), null,
                TriggerType.CUSTOM_ACTION, Map.of("contextType", "none"), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                NodeDef.of("text", "calculation", Map.of("expression", "'{{$context.data.v}}'")),
                NodeDef.of("same", "calculation", Map.of("expression", "{{$context.data.v}} == {{$context.data.w}}")),
                NodeDef.of("wrapped", "calculation", Map.of("expression", "'<' + {{$context.data.v}} + '>'")),
                NodeDef.of("bare", "calculation", Map.of("expression", "$context.data.v")),
                NodeDef.of("plus", "calculation", Map.of("expression", "{{$context.data.n}} + 1")),
                new NodeDef("admin", "condition", null, Map.of("mode", "branch", "expression", "'{{$context.data.v}}' == 'admin'"), Map.of())
                        .withBranch("yes", List.of(NodeDef.of("yes", "response-message", Map.of("message", "yes"))))
                        .withBranch("no", List.of(NodeDef.of("no", "response-message", Map.of("message", "no")))))));
        workflows.enable(workflow.id());

        var random = new Random(20261201L);
        var failures = new ArrayList<String>();
        for (int i = 0; i < CASES; i++) {
            String v = hostile(random);
            String w = random.nextInt(3) == 0 ? v : hostile(random);
            int n = random.nextInt(2_000_001) - 1_000_000;
            var data = new LinkedHashMap<String, Object>();
            data.put("v", v);
            data.put("w", w);
            data.put("n", n);
            var outcome = runner.runSync(workflow.id(), Map.of("data", data), 0);
            if (outcome.status() != ExecutionStatus.RESOLVED) {
                failures.add(describe(v) + " → " + outcome.status() + " " + outcome.error());
                continue;
            }
            var outputs = new LinkedHashMap<String, Object>();
            workflows.jobs(outcome.executionId()).forEach(j -> outputs.put(j.nodeKey(), j.output()));
            expect(failures, v, "text", outputs.get("text"), v);
            expect(failures, v, "same", outputs.get("same"), Objects.equals(v, w));
            expect(failures, v, "wrapped", outputs.get("wrapped"), "<" + v + ">");
            expect(failures, v, "bare", outputs.get("bare"), v);
            expect(failures, v, "plus", ((Number) outputs.get("plus")).longValue(), (long) n + 1);
            expect(failures, v, "branch", outcome.messages(), List.of(v.equals("admin") ? "yes" : "no"));
        }

        assertThat(failures).as("values that changed an expression").isEmpty();
    }

    private static void expect(List<String> failures, String value, String node, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            failures.add(describe(value) + " → " + node + " gave " + actual + ", as data it is " + expected);
        }
    }

    /** One to eight hostile fragments; now and then a very long text, or one nested a thousand parentheses deep. */
    static String hostile(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> "(".repeat(1 + random.nextInt(1000)) + "1" + ")".repeat(1 + random.nextInt(1000));
            case 1 -> "'{{".repeat(1 + random.nextInt(300));
            case 2 -> "x".repeat(1000 + random.nextInt(4000));
            case 3 -> "admin";
            default -> {
                var text = new StringBuilder();
                int parts = 1 + random.nextInt(8);
                for (int p = 0; p < parts; p++) {
                    text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                }
                yield text.toString();
            }
        };
    }

    private static String describe(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "… (" + value.length() + " characters)" : value;
        return "[" + shown.replace("\n", "\\n") + "]";
    }
}
