package io.actionflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message for people, kept as a message key and its arguments so that each reader sees it in their language: why a
 * node failed, what keeps a workflow from being enabled. It travels and is stored as a small JSON document
 * ({@link #encoded()}); an argument may itself be a text. Errors that are not texts (from elsewhere) stay plain strings.
 * A text handed as an argument to a message source is put into words there too, never shown as {@code Text[key=…]}.
 */
public record Text(String key, List<Object> args) implements MessageSourceResolvable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "{\"text\":";

    public Text {
        args = args.stream().map(a -> a instanceof Text ? a : a == null ? "" : String.valueOf(a)).toList();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, java.util.Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    /** The stored form of this text. */
    public String encoded() {
        return JSON.writeValueAsString(tree());
    }

    private Map<String, Object> tree() {
        var tree = new java.util.LinkedHashMap<String, Object>();
        tree.put("text", key);
        tree.put("args", args.stream().map(a -> a instanceof Text t ? t.tree() : a).toList());
        return tree;
    }

    /** The text that {@code stored} holds, or empty when it is a plain string. */
    public static Optional<Text> decode(String stored) {
        if (stored == null || !stored.startsWith(MARK)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(fromTree(JSON.readValue(stored, Object.class)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Text fromTree(Object tree) {
        if (!(tree instanceof Map<?, ?> map) || !(map.get("text") instanceof String key)) {
            return null;
        }
        var args = new ArrayList<Object>();
        if (map.get("args") instanceof List<?> list) {
            for (Object arg : list) {
                Text nested = fromTree(arg);
                args.add(nested != null ? nested : String.valueOf(arg));
            }
        }
        return new Text(key, args);
    }

    /** Puts a text into words: {@code translate} turns a key and its (already translated) arguments into a sentence. */
    public static String format(String stored, java.util.function.BiFunction<String, Object[], String> translate) {
        return decode(stored).map(text -> text.format(translate)).orElse(stored == null ? "" : stored);
    }

    public String format(java.util.function.BiFunction<String, Object[], String> translate) {
        return translate.apply(key, args.stream().map(a -> a instanceof Text t ? t.format(translate) : a).toArray());
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
