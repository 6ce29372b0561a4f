package io.actionflow.workflow.engine;

import java.util.List;

/** Delivers in-app messages to users, by username. */
public interface NotificationPort {

    void notify(List<String> usernames, String title, String message);
}
