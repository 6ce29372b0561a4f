package io.actionflow.workflow;

import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;

/** A workflow version that is enabled (the current one of its key), as the dispatcher plans with it. */
public record EnabledWorkflow(long id, String key, int version, String title, TriggerType type, boolean synchronous,
        TriggerConfig trigger) {
}
