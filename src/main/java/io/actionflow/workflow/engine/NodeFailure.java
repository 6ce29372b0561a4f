package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
/** A node could not run as configured (a missing setting, a refused expression): it fails with this text. */
public class NodeFailure extends RuntimeException {

    private final Text text;

    public NodeFailure(String key, Object... args) {
        this(null, Text.of(key, args));
    }

    public NodeFailure(Throwable cause, String key, Object... args) {
        this(cause, Text.of(key, args));
    }

    private NodeFailure(Throwable cause, Text text) {
        super(text.key() + " " + text.args(), cause);
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
