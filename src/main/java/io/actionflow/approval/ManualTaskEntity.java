package io.actionflow.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "af_manual_task")
class ManualTaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long executionId;

    @Column(nullable = false, length = 200)
    String jobKey;

    @Column(nullable = false, length = 64)
    String nodeKey;

    @Column(nullable = false, length = 300)
    String title;

    @Column(length = 4000)
    String description;

    /** The fields as asked (JSON). */
    @Column(nullable = false, length = 1_000_000)
    String form;

    @Column(name = "mode_all", nullable = false)
    boolean all;

    @Column(nullable = false, length = 64)
    String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ManualTask.Status status;

    /** The values the form shows: as it started, or as the person last saved them (JSON). */
    @Column(length = 1_000_000)
    String draft;

    /** The values submitted (JSON). */
    @Column(length = 1_000_000)
    String submitted;

    Instant dueAt;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    Instant submittedAt;

    @Version
    long version;

    protected ManualTaskEntity() {
    }

    ManualTaskEntity(long executionId, String jobKey, String nodeKey, String title, String description, String form, boolean all,
            String assignee, String draft, Instant dueAt, Instant now) {
        this.executionId = executionId;
        this.jobKey = jobKey;
        this.nodeKey = nodeKey;
        this.title = title;
        this.description = description;
        this.form = form;
        this.all = all;
        this.assignee = assignee;
        this.status = ManualTask.Status.OPEN;
        this.draft = draft;
        this.dueAt = dueAt;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
