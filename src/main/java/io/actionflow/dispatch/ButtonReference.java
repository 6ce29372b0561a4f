package io.actionflow.dispatch;

/** The button a click came from, for the execution history. */
public record ButtonReference(long pageId, long blockId, long buttonId, String label) {

    public ButtonReference(long pageId, long blockId, long buttonId) {
        this(pageId, blockId, buttonId, null);
    }
}
