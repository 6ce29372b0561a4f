package io.actionflow.workflow.engine;

import java.util.List;

/** Delivers in-app messages to users, by username, with where each leads (or null). */
public interface NotificationPort {

    void notify(List<String> usernames, String title, String message, String link);
}
