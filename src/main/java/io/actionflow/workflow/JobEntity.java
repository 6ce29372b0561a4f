package io.actionflow.workflow;

import io.actionflow.workflow.engine.JobStatus;
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
@Table(name = "af_job")
class JobEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long executionId;

    @Column(nullable = false, length = 200)
    private String jobKey;

    @Column(nullable = false, length = 64)
    private String nodeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;

    @Column(length = 1_000_000)
    private String input;

    @Column(length = 1_000_000)
    private String output;

    @Column(length = 64)
    private String branch;

    private Instant resumeAt;

    @Column(length = 4000)
    private String error;

    private long durationMicros;

    @Column(nullable = false)
    private Instant createdAt;

    protected JobEntity() {
    }

    String getJobKey() {
        return jobKey;
    }

    String getNodeKey() {
        return nodeKey;
    }

    JobStatus getStatus() {
        return status;
    }

    String getInput() {
        return input;
    }

    String getOutput() {
        return output;
    }

    String getBranch() {
        return branch;
    }

    Instant getResumeAt() {
        return resumeAt;
    }

    String getError() {
        return error;
    }

    long getDurationMicros() {
        return durationMicros;
    }
}
