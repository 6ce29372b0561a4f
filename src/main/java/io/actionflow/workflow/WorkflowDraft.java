package io.actionflow.workflow;

import io.actionflow.triggers.TriggerType;
import java.util.Map;

/** The settings of a workflow an admin chooses: what it is called, what triggers it, and whether it runs synchronously. */
public record WorkflowDraft(String title, String description, TriggerType triggerType, Map<String, Object> triggerConfig,
        boolean synchronous, int retries) {
}
