package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.util.List;
import java.util.Optional;

/** Sends email through the server's mail settings. */
public interface MailPort {

    /** One email: addresses already checked, a subject on one line, a body in text or HTML. */
    record Mail(List<String> to, List<String> cc, String subject, String body, boolean html) {
    }

    /** Why no email can be sent from this server (no mail server set up), or empty when it can. */
    Optional<Text> unavailable();

    /** Sends it, or throws {@link Refused} with why the mail server did not take it. */
    void send(Mail mail);

    /** The mail server did not take an email; {@code reason} is a message key that says why in an admin's words. */
    final class Refused extends RuntimeException {

        private final String reason;

        public Refused(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
