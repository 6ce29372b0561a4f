package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionStatus;
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
@Table(name = "af_execution")
class ExecutionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long workflowId;

    @Column(name = "wf_key", nullable = false, length = 64)
    private String key;

    @Column(name = "wf_version", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ExecutionStatus status;

    @Column(nullable = false, length = 1_000_000)
    private String context;

    @Column(length = 100_000)
    private String messages;

    @Column(length = 4000)
    private String error;

    private int attempts;

    private Instant resumeAt;

    private Long parentId;

    private int depth;

    private boolean testRun;

    @Column(length = 64)
    private String operator;

    @Column(length = 8)
    private String source;

    private Long pageId;

    private Long blockId;

    private Long buttonId;

    @Column(length = 2000)
    private String recordIds;

    private Long nextId;

    @Column(length = 300)
    private String originLabel;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected ExecutionEntity() {
    }

    void cancel(Instant now) {
        status = ExecutionStatus.CANCELED;
        finishedAt = now;
        resumeAt = null;
    }

    /** Queued again after it failed; {@code resumeAt} tells the runner that it has run before. */
    void requeue(Instant now) {
        status = ExecutionStatus.QUEUED;
        resumeAt = now;
        finishedAt = null;
        error = null;
        attempts = 0;
    }

    Long getNextId() {
        return nextId;
    }

    ExecutionSummary summary() {
        return new ExecutionSummary(id, workflowId, key, number, status, error, messages, attempts, testRun, createdAt, finishedAt,
                new ExecutionOrigin(operator, source, pageId, blockId, buttonId, recordIds == null || recordIds.isBlank() ? java.util.List.of()
                        : java.util.Arrays.stream(recordIds.split(",")).map(String::strip).filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList(), originLabel));
    }

    Long getId() {
        return id;
    }

    Long getWorkflowId() {
        return workflowId;
    }

    ExecutionStatus getStatus() {
        return status;
    }

    String getContext() {
        return context;
    }

    int getDepth() {
        return depth;
    }
}
