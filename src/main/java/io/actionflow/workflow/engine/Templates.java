package io.actionflow.workflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables in node settings: {@code {{$context.data.amount}}}, {@code {{$jobsMapByNodeKey.q1.title}}},
 * {@code {{$scopes.loop1.item}}}, {@code {{$system.now}}}. A setting that is exactly one variable takes its value
 * (a number stays a number); variables inside text are written into it. Unknown paths read as nothing.
 */
public final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([$\\w][\\w.$\\[\\]-]*)\\s*}}");

    private Templates() {
    }

    /** Renders every string inside a setting value (maps and lists included). */
    public static Object render(Object value, Map<String, Object> variables) {
        return switch (value) {
            case String text -> renderText(text, variables);
            case Map<?, ?> map -> {
                var rendered = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> rendered.put(String.valueOf(k), render(v, variables)));
                yield rendered;
            }
            case List<?> list -> {
                var rendered = new ArrayList<>();
                list.forEach(v -> rendered.add(render(v, variables)));
                yield rendered;
            }
            case null -> null;
            default -> value;
        };
    }

    private static Object renderText(String text, Map<String, Object> variables) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher whole = VARIABLE.matcher(text.strip());
        if (whole.matches()) {
            return resolve(whole.group(1), variables);
        }
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            Object value = resolve(m.group(1), variables);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A text with each variable replaced by what {@code each} makes of its value (a form body's values encoded, say):
     * the admin's text stays as written, only the values are changed.
     */
    public static String fill(String text, Map<String, Object> variables, java.util.function.Function<Object, String> each) {
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(each.apply(resolve(m.group(1), variables))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a text is a variable path as templates write them ({@code $context.data.items[0].name}). */
    public static boolean isPath(String text) {
        return PATH.matcher(text).matches();
    }

    private static final Pattern PATH = Pattern.compile("[$\\w][\\w.$\\[\\]-]*");

    /** The names and indexes of a path: {@code $context.data.items[0]} is {@code $context}, {@code data}, {@code items}, {@code 0}. */
    public static List<String> segments(String path) {
        var segments = new ArrayList<String>();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    /** The value at a dotted path such as {@code $context.data.items.0.name}. */
    public static Object resolve(String path, Map<String, Object> variables) {
        return resolve(segments(path), variables);
    }

    /** The value at a path of names and indexes; null when any part of it is missing. */
    public static Object resolve(List<String> path, Map<String, Object> variables) {
        Object current = variables;
        for (String part : path) {
            current = switch (current) {
                case Map<?, ?> map -> map.get(part);
                case List<?> list when part.length() < 10 && part.chars().allMatch(Character::isDigit)
                        && Integer.parseInt(part) < list.size() ->
                        list.get(Integer.parseInt(part));
                case null, default -> null;
            };
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The variable paths a text refers to, for checking them before a workflow is enabled. */
    public static List<String> references(Object value) {
        var found = new ArrayList<String>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, List<String> found) {
        switch (value) {
            case String text -> {
                Matcher m = VARIABLE.matcher(text);
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            case Map<?, ?> map -> map.values().forEach(v -> collect(v, found));
            case List<?> list -> list.forEach(v -> collect(v, found));
            case null, default -> { }
        }
    }
}
