package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.Expressions;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-way branch: ordered cases, each an expression; the workflow takes the branch of the first that holds, or the
 * {@code otherwise} branch when none does, then goes on after the node. Settings: {@code cases}, each a {@code key}
 * (its branch, kept when cases are renamed or moved), a {@code title} and a {@code when} expression. Later nodes read
 * {@code $jobsMapByNodeKey.<key>.case}: the key of the case taken.
 */
public final class SwitchNode implements NodeExecutor {

    /** The branch taken when no case holds. */
    public static final String OTHERWISE = "otherwise";
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");

    private final Expressions expressions;

    public SwitchNode(Expressions expressions) {
        this.expressions = expressions;
    }

    @Override
    public String type() {
        return "switch";
    }

    /** The cases hold expressions: variables in them are bound as values, never written into the text. */
    @Override
    public Set<String> expressions() {
        return Set.of("cases");
    }

    @Override
    public NodeResult execute(NodeContext context) {
        for (Map<String, Object> when : cases(context.node().config().get("cases"))) {
            String key = String.valueOf(when.get("key"));
            Object holds = expressions.evaluate(String.valueOf(when.get("when")), context.variables());
            if (!(holds instanceof Boolean result)) {
                throw new NodeFailure("workflow.error.notBoolean", context.node().key() + " › " + key, holds);
            }
            if (result) {
                return new NodeResult.Branch(key, Map.of("case", key));
            }
        }
        return new NodeResult.Branch(OTHERWISE, Map.of("case", OTHERWISE));
    }

    /** The case keys in their order, then {@code otherwise}: the branches a switch with these settings has. */
    public static List<String> branches(Map<String, Object> config) {
        var names = new ArrayList<String>();
        cases(config.get("cases")).forEach(c -> names.add(String.valueOf(c.get("key"))));
        names.add(OTHERWISE);
        return names;
    }

    /** What a case is called: its title, or its key when it has none. */
    public static String caseTitle(Map<String, Object> config, String key) {
        return cases(config.get("cases")).stream().filter(c -> key.equals(String.valueOf(c.get("key")))).findFirst()
                .map(SwitchNode::title).orElse(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(Object setting) {
        return setting instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    }

    @Override
    public List<Text> problems(NodeDef node) {
        var problems = new ArrayList<Text>();
        var cases = cases(node.config().get("cases"));
        if (cases.isEmpty()) {
            problems.add(Text.of("switch.problem.noCases", node.key()));
        }
        Set<String> keys = new HashSet<>();
        for (var when : cases) {
            String key = when.get("key") == null ? "" : String.valueOf(when.get("key"));
            if (!KEY.matcher(key).matches() || OTHERWISE.equals(key) || !keys.add(key)) {
                problems.add(Text.of("switch.problem.key", node.key(), key));
                continue;
            }
            Object expression = when.get("when");
            if (expression == null || String.valueOf(expression).isBlank()) {
                problems.add(Text.of("switch.problem.when", node.key(), title(when)));
                continue;
            }
            try {
                expressions.check(String.valueOf(expression));
            } catch (NodeFailure e) {
                problems.add(Text.of("workflow.problem.node", node.key() + " › " + title(when), e.text()));
            }
        }
        return problems;
    }

    private static String title(Map<String, Object> when) {
        return when.get("title") == null || String.valueOf(when.get("title")).isBlank() ? String.valueOf(when.get("key"))
                : String.valueOf(when.get("title"));
    }
}
