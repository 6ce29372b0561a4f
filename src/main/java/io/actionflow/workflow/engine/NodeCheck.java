package io.actionflow.workflow.engine;

import java.util.Map;
import java.util.Optional;

/**
 * Where a node's settings are checked: the collection of the workflow's trigger (null when it has none) and what the
 * settings may name ({@code references}; null where the workspace is not at hand, as in plain engine tests, and then
 * names are not checked).
 */
public record NodeCheck(String triggerCollection, References references) {

    public static final NodeCheck NONE = new NodeCheck(null, null);

    /** A name that a variable fills at run time cannot be checked now. */
    public static boolean filled(Object setting) {
        return setting instanceof String text && text.contains("{{");
    }

    /** The fields of {@code collection}; empty when it is not there, or when names are not checked here. */
    public Optional<Map<String, String>> fields(String collection) {
        return references == null ? Optional.empty() : references.fields(collection);
    }

    public boolean checksNames() {
        return references != null;
    }
}
