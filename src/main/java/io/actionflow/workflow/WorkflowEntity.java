package io.actionflow.workflow;

import io.actionflow.triggers.TriggerType;
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
@Table(name = "af_workflow")
class WorkflowEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "wf_key", nullable = false, length = 64)
    private String key;

    @Column(name = "wf_version", nullable = false)
    private int number;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TriggerType triggerType;

    @Column(nullable = false, length = 1_000_000)
    private String triggerConfig;

    @Column(nullable = false, length = 1_000_000)
    private String nodes;

    private boolean synchronous;

    private boolean enabled;

    @Column(name = "is_current")
    private boolean current;

    private int retries;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WorkflowEntity() {
    }

    WorkflowEntity(String key, int number, Instant now) {
        this.key = key;
        this.number = number;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new version with the same key, settings and nodes (node keys included), not yet enabled. */
    WorkflowEntity nextVersion(int newNumber, Instant now) {
        var copy = new WorkflowEntity(key, newNumber, now);
        copy.title = title;
        copy.description = description;
        copy.triggerType = triggerType;
        copy.triggerConfig = triggerConfig;
        copy.nodes = nodes;
        copy.synchronous = synchronous;
        copy.retries = retries;
        return copy;
    }

    Long getId() {
        return id;
    }

    String getKey() {
        return key;
    }

    int getNumber() {
        return number;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    TriggerType getTriggerType() {
        return triggerType;
    }

    void setTriggerType(TriggerType triggerType) {
        this.triggerType = triggerType;
    }

    String getTriggerConfig() {
        return triggerConfig;
    }

    void setTriggerConfig(String triggerConfig) {
        this.triggerConfig = triggerConfig;
    }

    String getNodes() {
        return nodes;
    }

    void setNodes(String nodes) {
        this.nodes = nodes;
    }

    boolean isSynchronous() {
        return synchronous;
    }

    void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean isCurrent() {
        return current;
    }

    void setCurrent(boolean current) {
        this.current = current;
    }

    int getRetries() {
        return retries;
    }

    void setRetries(int retries) {
        this.retries = retries;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
