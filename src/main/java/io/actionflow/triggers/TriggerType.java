package io.actionflow.triggers;

import java.util.Locale;

/**
 * What starts a workflow. Pre-action workflows are always synchronous; approvals and schedules always asynchronous (a
 * schedule has nobody waiting for it).
 */
public enum TriggerType {
    PRE_ACTION, POST_ACTION, APPROVAL, CUSTOM_ACTION, COLLECTION, SCHEDULE, WEBHOOK;

    public String labelKey() {
        return "triggerType." + name().toLowerCase(Locale.ROOT);
    }
}
