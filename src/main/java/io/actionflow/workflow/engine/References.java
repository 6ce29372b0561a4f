package io.actionflow.workflow.engine;

import java.util.Map;
import java.util.Optional;

/**
 * What node settings may name, as the workspace holds it now: collections with their fields, and users. The check at
 * save and at Enable asks it, so that a Query of a collection that is not there, or a Notification to an unknown user,
 * is refused before a member's click runs into it.
 */
public interface References {

    /** The fields of a collection, each with the collection a many-to-one relation points to (empty text for other fields); empty when there is no such collection. */
    Optional<Map<String, String>> fields(String collection);

    boolean userExists(String username);

    /** The options of a select field; empty for a field of another type, or none such. */
    default java.util.List<String> options(String collection, String field) {
        return java.util.List.of();
    }

    /** Whether there is a role with this id. */
    default boolean roleExists(String role) {
        return true;
    }
}
