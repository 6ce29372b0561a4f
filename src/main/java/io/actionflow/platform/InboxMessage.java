package io.actionflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "af_notification")
class InboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 4000)
    private String message;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant readAt;

    @Column(length = 300)
    private String link;

    protected InboxMessage() {
    }

    InboxMessage(String username, String title, String message, Instant createdAt, String link) {
        this.username = username;
        this.title = title;
        this.message = message;
        this.createdAt = createdAt;
        this.link = link;
    }

    Notification view() {
        return new Notification(id, title, message, createdAt, readAt != null, link);
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
