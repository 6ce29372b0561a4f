package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.actionflow.platform.UserSignal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the open screens of a user that something they show changed for them (new inbox messages, tasks to do), once
 * the change is committed: each registered part of the screen then refreshes through server push, without a reload.
 */
@org.springframework.stereotype.Component
public class UserBroadcaster {

    /** A part of a screen and how it refreshes. */
    private record Listener(Component component, Runnable refresh) {
    }

    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** Refreshes {@code component} (with {@code refresh}, in its UI) whenever {@code username} is signaled. */
    public Registration register(String username, Component component, Runnable refresh) {
        var listener = new Listener(component, refresh);
        listeners.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(username, (u, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void signaled(UserSignal event) {
        for (String username : event.usernames()) {
            for (Listener listener : listeners.getOrDefault(username, Set.of())) {
                listener.component().getUI().ifPresent((UI ui) -> ui.access(listener.refresh()::run));
            }
        }
    }
}
