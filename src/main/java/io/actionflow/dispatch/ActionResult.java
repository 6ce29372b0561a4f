package io.actionflow.dispatch;

import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.FieldError;
import java.util.List;

/** How a click or call ended. The UI turns each into notifications and refreshes; the API into a status and JSON. */
public sealed interface ActionResult {

    List<Message> messages();

    /** The action ran: the records it created or changed (none for a delete). */
    record Done(List<StoredRecord> records, List<Message> messages) implements ActionResult {
    }

    /** A workflow ended the request with success before the action: nothing was written. */
    record Stopped(List<Message> messages) implements ActionResult {
    }

    /** A workflow, or a rule, refused the request: nothing was written. */
    record Blocked(List<Message> messages) implements ActionResult {
    }

    /** The submitted values were refused, per field: nothing was written. */
    record Invalid(List<FieldError> errors, List<Message> messages) implements ActionResult {
    }

    /** The actor may not do this (the action on the collection, or a field): nothing ran, nothing was written. */
    record Forbidden(List<Message> messages) implements ActionResult {
    }

    /** The request names a collection or record that does not exist (any more), or one the actor may not reach. */
    record NotFound(List<Message> messages) implements ActionResult {
    }

    /** The submission waits for approval: the approval requests it made (one per record). */
    record Held(List<Long> approvals, List<Message> messages) implements ActionResult {
    }
}
