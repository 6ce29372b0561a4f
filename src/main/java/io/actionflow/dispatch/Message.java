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

    /**
     * The message in words: its text, or its key translated with its arguments, which may be texts to translate too
     * ({@link io.actionflow.platform.Text}).
     */
    public String format(java.util.function.BiFunction<String, Object[], String> translate) {
        return text != null ? text : new io.actionflow.platform.Text(key, args).format(translate);
    }
}
