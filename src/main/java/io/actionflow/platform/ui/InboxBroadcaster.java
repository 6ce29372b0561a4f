package io.actionflow.platform.ui;

import com.vaadin.flow.component.UI;
import io.actionflow.platform.InboxDelivered;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the open screens of a user that their inbox got new messages, once the messages are committed: each bell
 * then refreshes its count through server push, without a reload.
 */
@Component
class InboxBroadcaster {

    /** The bells on screen, by username. */
    private final Map<String, Set<InboxBell>> bells = new ConcurrentHashMap<>();

    void register(String username, InboxBell bell) {
        bells.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(bell);
    }

    void unregister(String username, InboxBell bell) {
        bells.computeIfPresent(username, (u, set) -> {
            set.remove(bell);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void delivered(InboxDelivered event) {
        for (String username : event.usernames()) {
            for (InboxBell bell : bells.getOrDefault(username, Set.of())) {
                bell.getUI().ifPresent((UI ui) -> ui.access(bell::refresh));
            }
        }
    }
}
