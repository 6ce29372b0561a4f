package io.actionflow.collections;

import java.util.Map;
import java.util.Set;

/** A record changed: which fields, what they held before and what they hold now. Published inside the transaction. */
public record RecordUpdated(
        String collection,
        long id,
        Set<String> changedFields,
        Map<String, Object> previous,
        Map<String, Object> values,
        String operator) implements RecordEvent {
}
