package io.actionflow.platform;

import java.time.Instant;

/** An in-app message to one user. */
public record Notification(long id, String title, String message, Instant createdAt, boolean read) {
}
