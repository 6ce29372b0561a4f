package io.actionflow.collections;

/**
 * A change to a collection's data, whatever caused it (a click, an API call, a workflow). Collection-event workflows
 * listen to these. {@code operator} is the signed-in user who caused it, or null when none did.
 */
public sealed interface RecordEvent permits RecordCreated, RecordUpdated, RecordDeleted {

    String collection();

    long id();

    String operator();
}
