package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.util.List;

/** Runs one type of node. Node types that wait also know how to go on when the wait is over. */
public interface NodeExecutor {

    /** The type name this executor runs, as stored in workflows ({@code condition}, {@code query}, …). */
    String type();

    NodeResult execute(NodeContext context) throws Exception;

    /** Goes on after a {@link NodeResult.Wait}; by default the wait's output becomes the node's output. */
    default NodeResult resume(NodeContext context, JobState waited) {
        return new NodeResult.Continue(waited.output());
    }

    /** Whether this node holds an execution back (Delay, Approval): such nodes need an asynchronous workflow. */
    default boolean waits() {
        return false;
    }

    /**
     * Whether a waiting node of this type is asked again when its execution is woken before the time it waits for
     * (a form submitted before its deadline); otherwise such a wake leaves it waiting.
     */
    default boolean wakesEarly() {
        return false;
    }

    /** Whether this node only makes sense in a synchronous workflow (Response message). */
    default boolean synchronousOnly() {
        return false;
    }

    /**
     * The only trigger type (its name, as {@code PRE_ACTION}) whose workflows may hold this node: Update submitted
     * data is for pre-action workflows, Approval for approval workflows; null when any workflow may.
     */
    default String onlyFor() {
        return null;
    }

    /** The settings that hold expressions: they are evaluated with variables bound, never filled in as text. */
    default java.util.Set<String> expressions() {
        return java.util.Set.of();
    }

    /**
     * The settings the node fills in itself, as parts of an address or as values in a JSON document (HTTP request):
     * the processor leaves them as the admin wrote them, where text filling would let data change their shape.
     */
    default java.util.Set<String> filledByNode() {
        return java.util.Set.of();
    }

    /** What is wrong with a node's settings, for an admin; empty when nothing is. */
    default List<Text> problems(NodeDef node) {
        return List.of();
    }

    /**
     * As {@link #problems(NodeDef)}, knowing where the node is: its workflow's trigger collection, and the collections,
     * fields and users its settings may name. Each problem's first argument is the node's key.
     */
    default List<Text> problems(NodeDef node, NodeCheck where) {
        return problems(node);
    }
}
