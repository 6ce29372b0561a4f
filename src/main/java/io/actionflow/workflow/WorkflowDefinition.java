package io.actionflow.workflow;

import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Instant;
import java.util.Map;

/**
 * One version of a workflow. The {@code key} stays the same across versions and is what bindings refer to; at most
 * one version of a key is {@code current}, and only an enabled current version runs.
 */
public record WorkflowDefinition(long id, String key, int version, String title, String description,
        TriggerType triggerType, Map<String, Object> triggerConfig, WorkflowGraph graph, boolean synchronous,
        boolean enabled, boolean current, int retries, Instant createdAt, Instant updatedAt) {
}
