package io.actionflow.collections;

import java.util.Map;

/** A record was created; published inside the transaction that wrote it. */
public record RecordCreated(String collection, long id, Map<String, Object> values, String operator) implements RecordEvent {
}
