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

/** An approval request as stored; {@link ApprovalService} keeps its rules. */
@Entity
@Table(name = "af_approval")
class ApprovalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 64)
    String workflowKey;

    Long executionId;

    @Column(name = "collection_name", nullable = false, length = 64)
    String collection;

    @Column(nullable = false, length = 16)
    String action;

    Long recordId;

    @Column(nullable = false)
    boolean beforeSave;

    /** The submitted values as they stand now, as JSON. */
    @Column(nullable = false, length = 1000000)
    String data;

    /** What the dispatcher needs to write a held submission, as JSON. */
    @Column(nullable = false, length = 1000000)
    String held;

    @Column(nullable = false, length = 64)
    String submitter;

    @Column(nullable = false, length = 300)
    String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Approval.Status status;

    /** The approval node that asks now, and how it decides (JSON list of usernames; agreement; order). */
    @Column(length = 64)
    String nodeKey;

    @Column(length = 200)
    String nodeTitle;

    @Column(length = 10000)
    String approvers;

    @Column(length = 16)
    String agreement;

    @Column(nullable = false)
    int percent;

    @Column(length = 16)
    String ordering;

    @Column(length = 4000)
    String editableFields;

    /** Whether the node lets the submitter decide on their own request (by default they may not). */
    @Column(nullable = false)
    boolean submitterMayApprove;

    /** Rises each time a node asks anew (a new node, or a resubmission after a return): tasks of older rounds are history. */
    @Column(nullable = false)
    int round;

    /** How the current node was decided (APPROVED or REJECTED), for the execution to read when it goes on; null while open. */
    @Column(length = 16)
    String stageOutcome;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    Instant finishedAt;

    @Version
    long version;

    protected ApprovalEntity() {
    }
}
