package io.actionflow.approval;

import io.actionflow.platform.UserSignal;
import java.util.Set;

/** The to-dos or submissions of these users changed (a task arrived or closed, a request moved on). */
record TasksChanged(Set<String> usernames) implements UserSignal {
}
