package io.actionflow.platform;

import java.time.Instant;

/**
 * An in-app message to one user.
 *
 * @param link where it leads, or null: {@code record:<collection>:<id>}, {@code todo:<request id>} or
 *             {@code submission:<request id>} ({@link Links})
 */
public record Notification(long id, String title, String message, Instant createdAt, boolean read, String link) {
}
