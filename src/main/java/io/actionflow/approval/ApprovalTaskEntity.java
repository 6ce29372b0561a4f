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
@Table(name = "af_approval_task")
class ApprovalTaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long approvalId;

    @Column(nullable = false)
    int round;

    @Column(nullable = false, length = 64)
    String nodeKey;

    @Column(nullable = false, length = 64)
    String approver;

    /** The approver's place in the node's list: the order of a sequential approval. */
    @Column(nullable = false)
    int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ApprovalTask.Status status;

    @Column(length = 4000)
    String comment;

    @Column(length = 64)
    String delegatedFrom;

    @Column(nullable = false)
    Instant createdAt;

    Instant decidedAt;

    protected ApprovalTaskEntity() {
    }

    ApprovalTaskEntity(long approvalId, int round, String nodeKey, String approver, int position, String delegatedFrom,
            Instant now) {
        this.approvalId = approvalId;
        this.round = round;
        this.nodeKey = nodeKey;
        this.approver = approver;
        this.position = position;
        this.delegatedFrom = delegatedFrom;
        this.status = ApprovalTask.Status.PENDING;
        this.createdAt = now;
    }

    void decide(ApprovalTask.Status outcome, String comment, Instant now) {
        this.status = outcome;
        this.comment = comment;
        this.decidedAt = now;
    }

    ApprovalTask view() {
        return new ApprovalTask(id, approvalId, round, approver, status, comment, delegatedFrom, createdAt, decidedAt);
    }
}
