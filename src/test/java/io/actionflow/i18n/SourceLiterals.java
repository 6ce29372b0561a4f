package io.actionflow.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The string literals of Java source files, each with its line and the code of its statement before it. */
final class SourceLiterals {

    record Literal(Path file, int line, String value, String statementBefore, String lineText) {

        String where() {
            return file + ":" + line;
        }
    }

    private SourceLiterals() {
    }

    static List<Literal> in(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> of(p).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Literal> of(Path file) {
        String src;
        try {
            src = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var literals = new ArrayList<Literal>();
        int statementStart = 0;
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i) < 0 ? src.length() : src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < src.length() && src.charAt(end) != '\'') {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int end = start;
                while (end < src.length() && !(block ? src.startsWith("\"\"\"", end) : src.charAt(end) == '"')) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(file, line, src.substring(start, end), src.substring(statementStart, i),
                        lineAt(src, i)));
                line += count(src, i, end);
                i = end + (block ? 3 : 1);
            } else {
                if (c == ';' || c == '{' || c == '}') {
                    statementStart = i + 1;
                }
                i++;
            }
        }
        return literals;
    }

    private static int count(String src, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (src.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String lineAt(String src, int index) {
        int start = src.lastIndexOf('\n', index) + 1;
        int end = src.indexOf('\n', index);
        return src.substring(start, end < 0 ? src.length() : end);
    }
}
