package io.actionflow.triggers;

import java.util.Locale;

/** What starts a workflow. Pre-action workflows are always synchronous; approvals always asynchronous. */
public enum TriggerType {
    PRE_ACTION, POST_ACTION, APPROVAL, CUSTOM_ACTION, COLLECTION;

    public String labelKey() {
        return "triggerType." + name().toLowerCase(Locale.ROOT);
    }
}
