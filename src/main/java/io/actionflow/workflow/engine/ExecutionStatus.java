package io.actionflow.workflow.engine;

/** Where an execution stands; all but QUEUED, STARTED and WAITING are final. */
public enum ExecutionStatus {
    QUEUED, STARTED, WAITING, RESOLVED, FAILED, ERROR, ABORTED, CANCELED, REJECTED;

    public boolean isFinal() {
        return this != QUEUED && this != STARTED && this != WAITING;
    }
}
