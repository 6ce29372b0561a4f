package io.actionflow.platform;

import java.util.Set;

/** Messages were delivered to these users' inboxes; published in the transaction that wrote them. */
public record InboxDelivered(Set<String> usernames) implements UserSignal {
}
