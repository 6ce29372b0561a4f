package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold before a workflow version is enabled: known node types with sound settings, unique keys, no waiting
 * nodes in a synchronous workflow, Response message only in a synchronous one, and every variable naming something
 * that exists where it is used (an earlier node, an enclosing loop).
 */
public final class GraphCheck {

    private static final Pattern JOB_REFERENCE = Pattern.compile("\\$jobsMapByNodeKey\\.([\\w-]+)");
    private static final Pattern SCOPE_REFERENCE = Pattern.compile("\\$scopes\\.([\\w-]+)");
    private static final Pattern DATA_REFERENCE = Pattern.compile("\\$context\\.data\\.(\\w+)");
    /** The triggers whose {@code $context.data} is a record of their collection (or what a form submits for one). */
    private static final Set<String> RECORD_TRIGGERS = Set.of("PRE_ACTION", "POST_ACTION", "APPROVAL", "COLLECTION");
    private static final Set<String> ROOTS = Set.of("$context", "$jobsMapByNodeKey", "$scopes", "$system");

    private final NodeRegistry registry;
    private final References references;

    /** A check that does not look names up (plain engine tests). */
    public GraphCheck(NodeRegistry registry) {
        this(registry, null);
    }

    /** A check that also finds the collections, fields and users that settings name in {@code references}. */
    public GraphCheck(NodeRegistry registry, References references) {
        this.registry = registry;
        this.references = references;
    }

    /** The problems, for an admin; empty when the workflow may be enabled. */
    public List<Text> problems(WorkflowGraph graph, boolean synchronous) {
        return problems(graph, synchronous, null);
    }

    /** As {@link #problems(WorkflowGraph, boolean)}, for a workflow of this trigger type (its name, as {@code PRE_ACTION}). */
    public List<Text> problems(WorkflowGraph graph, boolean synchronous, String triggerType) {
        return problems(graph, synchronous, triggerType, null);
    }

    /** As {@link #problems(WorkflowGraph, boolean, String)}, for a workflow whose trigger is on {@code triggerCollection}. */
    public List<Text> problems(WorkflowGraph graph, boolean synchronous, String triggerType, String triggerCollection) {
        var where = new NodeCheck(triggerCollection, references);
        var problems = new ArrayList<Text>();
        var keys = new HashSet<String>();
        for (NodeDef node : graph.all()) {
            if (node.key() == null || node.key().isBlank() || !keys.add(node.key())) {
                problems.add(Text.of("workflow.problem.key", node.key()));
            }
        }
        check(graph.chain(), new HashSet<>(), new HashSet<>(), synchronous, triggerType, where, problems);
        return List.copyOf(new java.util.LinkedHashSet<>(problems));
    }

    private void check(List<NodeDef> chain, Set<String> before, Set<String> loops, boolean synchronous, String triggerType,
            NodeCheck where, List<Text> problems) {
        var seen = new HashSet<>(before);
        for (NodeDef node : chain) {
            var executor = registry.find(node.type());
            if (executor.isEmpty()) {
                problems.add(Text.of("workflow.problem.unknownType", node.key(), node.type()));
            } else {
                if (synchronous && executor.get().waits()) {
                    problems.add(Text.of("workflow.problem.waitsInSync", node.key(), node.type()));
                }
                if (!synchronous && executor.get().synchronousOnly()) {
                    problems.add(Text.of("workflow.problem.syncOnly", node.key(), node.type()));
                }
                String onlyFor = executor.get().onlyFor();
                if (onlyFor != null && !onlyFor.equals(triggerType)) {
                    problems.add(Text.of("workflow.problem.onlyFor." + onlyFor, node.key(), node.type()));
                }
                if (executor.get().waits() && !loops.isEmpty()) {
                    problems.add(Text.of("workflow.problem.waitInLoop", node.key(), node.type()));
                }
                problems.addAll(executor.get().problems(node, where));
            }
            references(node, seen, loops, problems);
            if (triggerType != null && RECORD_TRIGGERS.contains(triggerType)) {
                submittedFields(node, where, problems);
            }
            var innerLoops = new HashSet<>(loops);
            if ("loop".equals(node.type())) {
                innerLoops.add(node.key());
            }
            var afterThis = new HashSet<>(seen);
            afterThis.add(node.key());
            for (String branch : node.branches().keySet()) {
                check(node.branch(branch), afterThis, innerLoops, synchronous, triggerType, where, problems);
            }
            seen.add(node.key());
        }
    }

    /** What is wrong with one node's own settings, as the node dialog saves it. */
    public List<Text> nodeProblems(NodeDef node, String triggerCollection) {
        return registry.find(node.type()).map(e -> e.problems(node, new NodeCheck(triggerCollection, references))).orElse(List.of());
    }

    private static void references(NodeDef node, Set<String> earlier, Set<String> loops, List<Text> problems) {
        var texts = new ArrayList<String>();
        collectRaw(node.config(), texts);
        for (String text : texts) {
            Matcher jobs = JOB_REFERENCE.matcher(text);
            while (jobs.find()) {
                if (!earlier.contains(jobs.group(1))) {
                    problems.add(Text.of("workflow.problem.resultNotBefore", node.key(), jobs.group(1)));
                }
            }
            Matcher scopes = SCOPE_REFERENCE.matcher(text);
            while (scopes.find()) {
                if (!loops.contains(scopes.group(1))) {
                    problems.add(Text.of("workflow.problem.loopNotAround", node.key(), scopes.group(1)));
                }
            }
        }
        for (String path : Templates.references(node.config())) {
            String root = path.split("\\.", 2)[0];
            if (!ROOTS.contains(root)) {
                problems.add(Text.of("workflow.problem.unknownVariable", node.key(), "{{" + path + "}}"));
            }
        }
    }

    /** A field of the submitted record that its collection does not have: {@code {{$context.data.nothere}}}. */
    private static void submittedFields(NodeDef node, NodeCheck where, List<Text> problems) {
        if (where.triggerCollection() == null) {
            return;
        }
        var fields = where.fields(where.triggerCollection());
        if (fields.isEmpty()) {
            return;
        }
        var texts = new ArrayList<String>();
        collectRaw(node.config(), texts);
        for (String text : texts) {
            Matcher data = DATA_REFERENCE.matcher(text);
            while (data.find()) {
                String name = data.group(1);
                if (!"id".equals(name) && !fields.get().containsKey(name)) {
                    problems.add(Text.of("workflow.problem.unknownField", node.key(), "$context.data." + name, where.triggerCollection()));
                }
            }
        }
    }

    /** Expressions name variables without {{ }}: check those too. */
    private static void collectRaw(Object value, List<String> texts) {
        switch (value) {
            case String text -> texts.add(text);
            case java.util.Map<?, ?> map -> map.values().forEach(v -> collectRaw(v, texts));
            case List<?> list -> list.forEach(v -> collectRaw(v, texts));
            case null, default -> { }
        }
    }
}
