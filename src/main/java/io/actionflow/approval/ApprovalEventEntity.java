package io.actionflow.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "af_approval_event")
class ApprovalEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long approvalId;

    @Column(nullable = false)
    Instant at;

    @Column(length = 64)
    String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    TimelineEntry.Kind kind;

    @Column(length = 4000)
    String comment;

    @Column(length = 4000)
    String detail;

    protected ApprovalEventEntity() {
    }

    ApprovalEventEntity(long approvalId, Instant at, String actor, TimelineEntry.Kind kind, String comment, String detail) {
        this.approvalId = approvalId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.comment = comment;
        this.detail = detail;
    }

    TimelineEntry view() {
        return new TimelineEntry(at, actor, kind, comment, detail);
    }
}
