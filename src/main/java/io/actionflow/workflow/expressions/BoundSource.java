package io.actionflow.workflow.expressions;

import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An expression with its variables taken out of the text. Every {@code {{path}}} and every bare {@code $context…}
 * path becomes a reference {@code #af0}, {@code #af1}, … bound to the value at that path when the expression runs, so
 * what a caller submits is only ever a value, never expression text. A variable inside a quoted text joins it as text:
 * {@code 'Hello {{$context.user.nickname}}'} reads as {@code ('Hello ' + #af0)}.
 *
 * @param text the expression with references in place of variables
 * @param bindings what each reference is bound to, in order
 */
record BoundSource(String text, List<Binding> bindings) {

    static final String PREFIX = "af";

    /** A reference and the variable path it reads; {@code asText} when it stood inside a quoted text. */
    record Binding(String name, List<String> path, boolean asText) {

        Object value(Map<String, Object> variables) {
            Object value = Templates.resolve(path, variables);
            return asText ? value == null ? "" : String.valueOf(value) : value;
        }
    }

    static BoundSource of(String source, int maxNesting) {
        return new Compiler(source, maxNesting).compile();
    }

    private static final class Compiler {

        private final String source;
        private final int maxNesting;
        private final StringBuilder out = new StringBuilder();
        private final List<Binding> bindings = new ArrayList<>();
        private int nesting;

        Compiler(String source, int maxNesting) {
            this.source = source;
            this.maxNesting = maxNesting;
        }

        BoundSource compile() {
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\'' || c == '"') {
                    i = literal(i, c);
                } else if (source.startsWith("{{", i)) {
                    int end = source.indexOf("}}", i + 2);
                    if (end < 0) {
                        throw new NodeFailure("workflow.error.expressionVariable", source, source.substring(i));
                    }
                    out.append('#').append(bind(templatePath(source.substring(i + 2, end)), false));
                    i = end + 2;
                } else if (c == '$' && startsPath(i)) {
                    i = barePath(i);
                } else {
                    nest(c);
                    out.append(c);
                    i++;
                }
            }
            return new BoundSource(out.toString(), List.copyOf(bindings));
        }

        private void nest(char c) {
            if (c == '(' || c == '[' || c == '{') {
                if (++nesting > maxNesting) {
                    throw new NodeFailure("workflow.error.expressionTooDeep", abbreviated(), maxNesting);
                }
            } else if (c == ')' || c == ']' || c == '}') {
                nesting = Math.max(0, nesting - 1);
            }
        }

        /** A quoted text, as SpEL writes it (a doubled quote is a quote); variables inside it join it as text. */
        private int literal(int start, char quote) {
            var pieces = new ArrayList<String>();
            var current = new StringBuilder();
            int i = start + 1;
            boolean spliced = false;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == quote) {
                    if (i + 1 < source.length() && source.charAt(i + 1) == quote) {
                        current.append(quote).append(quote);
                        i += 2;
                        continue;
                    }
                    break;
                }
                int end = source.startsWith("{{", i) ? source.indexOf("}}", i + 2) : -1;
                if (end > 0) {
                    pieces.add(quote + current.toString() + quote);
                    current.setLength(0);
                    pieces.add("#" + bind(templatePath(source.substring(i + 2, end)), true));
                    spliced = true;
                    i = end + 2;
                } else {
                    current.append(c);
                    i++;
                }
            }
            if (i >= source.length()) {
                // not closed: left as written, for the parser to say so
                out.append(source, start, source.length());
                return source.length();
            }
            if (!spliced) {
                out.append(source, start, i + 1);
            } else {
                pieces.add(quote + current.toString() + quote);
                nest('(');
                out.append('(').append(String.join(" + ", pieces)).append(')');
                nest(')');
            }
            return i + 1;
        }

        /** A {@code $} that starts a variable, not one inside a name or after a dot. */
        private boolean startsPath(int i) {
            if (i + 1 >= source.length() || !isNameStart(source.charAt(i + 1))) {
                return false;
            }
            if (i == 0) {
                return true;
            }
            char before = source.charAt(i - 1);
            return !(Character.isLetterOrDigit(before) || before == '_' || before == '.' || before == '#' || before == '$');
        }

        /** {@code $root.name.name[0]['name']?.name}: the longest path of names and indexes. */
        private int barePath(int start) {
            var path = new ArrayList<String>();
            int i = name(start + 1);
            path.add(source.substring(start, i));
            while (i < source.length()) {
                if (source.startsWith("?.", i) && i + 2 < source.length() && isNameStart(source.charAt(i + 2))) {
                    int end = name(i + 2);
                    path.add(source.substring(i + 2, end));
                    i = end;
                } else if (source.charAt(i) == '.' && i + 1 < source.length() && isNameStart(source.charAt(i + 1))) {
                    int end = name(i + 1);
                    path.add(source.substring(i + 1, end));
                    i = end;
                } else if (source.charAt(i) == '[') {
                    int end = index(i, path);
                    if (end < 0) {
                        break;
                    }
                    i = end;
                } else {
                    break;
                }
            }
            out.append('#').append(bind(path, false));
            return i;
        }

        /** {@code [3]} or {@code ['name']}: adds the segment and returns where it ends, or -1 when it is no such index. */
        private int index(int open, List<String> path) {
            int i = open + 1;
            if (i < source.length() && Character.isDigit(source.charAt(i))) {
                int end = i;
                while (end < source.length() && Character.isDigit(source.charAt(end))) {
                    end++;
                }
                if (end < source.length() && source.charAt(end) == ']') {
                    path.add(source.substring(i, end));
                    return end + 1;
                }
                return -1;
            }
            if (i < source.length() && (source.charAt(i) == '\'' || source.charAt(i) == '"')) {
                char quote = source.charAt(i);
                var name = new StringBuilder();
                int j = i + 1;
                while (j < source.length()) {
                    if (source.charAt(j) == quote) {
                        if (j + 1 < source.length() && source.charAt(j + 1) == quote) {
                            name.append(quote);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (source.startsWith("{{", j)) {
                        return -1;
                    }
                    name.append(source.charAt(j++));
                }
                if (j + 1 < source.length() && source.charAt(j) == quote && source.charAt(j + 1) == ']') {
                    path.add(name.toString());
                    return j + 2;
                }
            }
            return -1;
        }

        private int name(int start) {
            int i = start;
            while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                i++;
            }
            return i;
        }

        private List<String> templatePath(String inner) {
            String path = inner.strip();
            if (!Templates.isPath(path)) {
                throw new NodeFailure("workflow.error.expressionVariable", abbreviated(), "{{" + inner + "}}");
            }
            return Templates.segments(path);
        }

        private String bind(List<String> path, boolean asText) {
            String name = PREFIX + bindings.size();
            bindings.add(new Binding(name, List.copyOf(path), asText));
            return name;
        }

        private String abbreviated() {
            return source.length() > 80 ? source.substring(0, 77) + "…" : source;
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }
    }
}
