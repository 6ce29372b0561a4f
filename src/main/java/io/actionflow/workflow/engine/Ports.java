package io.actionflow.workflow.engine;

import java.time.Clock;

/** Everything outside the engine that nodes may reach. */
public record Ports(RecordPort records, HttpPort http, NotificationPort notifications, MailPort mail, TaskPort tasks, Clock clock) {
}
