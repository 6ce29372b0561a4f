package io.actionflow.workflow.engine;

/** A node could not run as configured (a missing setting, a refused expression): it fails with this message. */
public class NodeFailure extends RuntimeException {

    public NodeFailure(String message) {
        super(message);
    }

    public NodeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
