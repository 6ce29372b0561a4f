package io.actionflow.dispatch;

import java.util.List;

/**
 * A message for the user: either a text a workflow wrote (shown as written) or a message key with arguments (shown in
 * the user's language).
 */
public record Message(Level level, String text, String key, List<Object> args) {

    public enum Level { INFO, SUCCESS, ERROR }

    public static Message text(Level level, String text) {
        return new Message(level, text, null, List.of());
    }

    public static Message key(Level level, String key, Object... args) {
        return new Message(level, null, key, List.of(args));
    }
}
