package io.actionflow.collections;

import java.util.Map;

/** A record was deleted; {@code previous} is what it held. Published inside the transaction. */
public record RecordDeleted(String collection, long id, Map<String, Object> previous, String operator) implements RecordEvent {
}
