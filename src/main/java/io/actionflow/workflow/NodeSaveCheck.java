package io.actionflow.workflow;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.engine.GraphCheck;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is refused when the editor saves a node: a name typed over its length, and the wrong values of the node just
 * saved (its own check: types, the collections, fields and users it names), each on the input it is about. What the
 * node still lacks, and the check of the whole graph, wait for Enable.
 */
final class NodeSaveCheck {

    private NodeSaveCheck() {
    }

    /**
     * Refuses {@code graph} when a node name differs from {@code stored}'s and is too long, or when the node
     * {@code saved} (its key; null when none) has a wrong value.
     */
    static void refuse(GraphCheck check, WorkflowGraph stored, WorkflowGraph graph, String saved, String triggerCollection) {
        // names kept from before are left alone
        var names = new HashMap<String, String>();
        stored.all().forEach(n -> names.put(n.key(), n.title()));
        ValidationException.throwIfAny(graph.all().stream().filter(n -> n.title() != null && n.title().length() > NODE_TITLE_MAX)
                .filter(n -> !n.title().equals(names.get(n.key())))
                .map(n -> FieldError.of("nodes." + n.key() + ".title", "validation.tooLong", NODE_TITLE_MAX)).toList());
        if (saved == null) {
            return;
        }
        graph.all().stream().filter(n -> saved.equals(n.key())).findFirst().ifPresent(node -> ValidationException.throwIfAny(
                check.nodeProblems(node, triggerCollection).stream().filter(p -> !UNFINISHED.contains(p.key()))
                        .map(p -> FieldError.of("nodes." + node.key() + "." + settingOf(p), p.key(), p.args().toArray())).toList()));
    }

    private static final int NODE_TITLE_MAX = 200;

    /** What a node that is not finished yet lacks: left for Enable, so that a workflow can be built a node at a time. */
    private static final Set<String> UNFINISHED = Set.of("workflow.problem.chooseCollection",
            "workflow.error.deleteNoFilter", "workflow.error.updateNoFilter", "workflow.error.noValues",
            "workflow.problem.settingEmpty", "workflow.problem.settingMissing", "workflow.error.nobody",
            "workflow.error.mailNobody", "workflow.problem.mailOff");

    /** The setting each of the nodes' own problems is about, for the node dialog to mark that input. */
    private static final Map<String, String> SETTING_OF = Map.ofEntries(
            Map.entry("workflow.problem.chooseCollection", "collection"), Map.entry("workflow.problem.collectionUnknown", "collection"),
            Map.entry("workflow.problem.fieldUnknown", "filter"), Map.entry("workflow.problem.otherCollection", "filter"),
            Map.entry("workflow.error.filterNotList", "filter"), Map.entry("workflow.error.conditionField", "filter"),
            Map.entry("workflow.error.deleteNoFilter", "filter"), Map.entry("workflow.error.updateNoFilter", "filter"),
            Map.entry("workflow.problem.valueFieldUnknown", "values"), Map.entry("workflow.problem.notAnOption", "values"),
            Map.entry("workflow.error.noValues", "values"), Map.entry("workflow.problem.limit", "limit"),
            Map.entry("workflow.problem.titleTooLong", "title"),
            Map.entry("workflow.error.duration", "duration"), Map.entry("workflow.problem.loopTarget", "target"),
            Map.entry("workflow.error.nobody", "users"), Map.entry("workflow.problem.userUnknown", "users"),
            Map.entry("workflow.error.mailAddress", "to"), Map.entry("workflow.problem.subjectTooLong", "subject"),
            Map.entry("workflow.problem.mailFormat", "format"), Map.entry("workflow.problem.mailText", "subject"),
            Map.entry("workflow.error.url", "url"), Map.entry("workflow.error.scheme", "url"), Map.entry("workflow.error.urlStep", "url"),
            Map.entry("workflow.error.urlVariable", "url"), Map.entry("workflow.error.hostNotAllowed", "url"),
            Map.entry("workflow.error.hostInternal", "url"), Map.entry("workflow.error.hostUnknown", "url"),
            Map.entry("workflow.error.bodyJson", "body"), Map.entry("workflow.error.header", "headers"));

    /** The setting a node's problem is about; a problem a node wraps ("Node x: …") is about what it wraps. */
    private static String settingOf(Text problem) {
        String key = problem.key();
        if (key.equals("workflow.problem.node") && problem.args().size() > 1 && problem.args().get(1) instanceof Text inner) {
            key = inner.key();
        }
        return SETTING_OF.getOrDefault(key, "settings");
    }
}
