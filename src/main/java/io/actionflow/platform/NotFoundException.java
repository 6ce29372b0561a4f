package io.actionflow.platform;

import java.util.List;

/** Something the request names does not exist (any more); the message key says what, in the user's words. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
