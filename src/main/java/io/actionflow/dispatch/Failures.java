package io.actionflow.dispatch;

import io.actionflow.platform.Text;
import io.actionflow.workflow.RunOutcome;
import java.util.ArrayList;
import java.util.List;

/** What a workflow that failed tells the user who clicked. */
final class Failures {

    private Failures() {
    }

    /** Its messages as errors (after the errors said before), or else why it failed. */
    static List<Message> of(RunOutcome outcome, List<Message> before) {
        var messages = new ArrayList<>(before.stream().filter(m -> m.level() == Message.Level.ERROR).toList());
        outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.ERROR, m)));
        if (outcome.messages().isEmpty()) {
            // an unexpected error's details (a database message, say) are for the history, not for the user
            messages.add(outcome.error() == null ? Message.key(Message.Level.ERROR, "dispatch.blocked")
                    : Text.decode(outcome.error()).filter(t -> !t.key().equals("workflow.error.crashed"))
                            .map(t -> Message.key(Message.Level.ERROR, t.key(), t.args().toArray()))
                            .orElse(Message.key(Message.Level.ERROR, "dispatch.workflowError")));
        }
        return messages;
    }

    /** A request refused with one message. */
    static ActionResult.Blocked blocked(String key, Object... args) {
        return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, key, args)));
    }
}
