package io.actionflow.approval;

import java.util.List;
import java.util.Map;

/**
 * Writes a submission that waited for a before-save approval, once it is approved, through the same path a click
 * takes (the action, then its post-action workflows). The dispatcher provides it; approvals cannot depend on it.
 */
public interface HeldActions {

    /**
     * Writes {@code data} as {@code held} describes, in the current transaction. Returns the written record's id, or
     * throws {@link NotReleased} with the messages that say why it was not written (its transaction must roll back).
     */
    long release(String collection, String action, Long recordId, Map<String, Object> data, Map<String, Object> held);

    /** Why a held submission could not be written: messages for the submitter (encoded texts). */
    final class NotReleased extends RuntimeException {

        private final List<String> messages;

        public NotReleased(List<String> messages) {
            super(String.join("; ", messages), null, false, false);
            this.messages = List.copyOf(messages);
        }

        public List<String> messages() {
            return messages;
        }
    }
}
