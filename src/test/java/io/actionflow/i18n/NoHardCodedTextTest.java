package io.actionflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees comes from the message bundles. Views ({@code ..ui..} packages) may hold technical strings
 * (routes, CSS classes, icon names, keys) but no words for people; and every message key in the code exists.
 * A literal that must stay can say so with {@code // i18n: not user-facing} on its line.
 */
class NoHardCodedTextTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern HUMAN_TEXT = Pattern.compile(".*(\\p{L}\\s+\\p{L}|(^|[^\\p{L}])\\p{Lu}\\p{Ll}).*", Pattern.DOTALL);
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+)+");
    private static final Pattern LOGGING = Pattern.compile("\\blog\\.(trace|debug|info|warn|error)\\(");
    private static final Pattern EXCEPTION = Pattern.compile("new \\w*(Exception|Error)\\(");
    /** A literal handed straight to the translation: it must be a key, whatever its namespace. */
    private static final Pattern TRANSLATED = Pattern.compile("(getTranslation|translate)\\(\\s*$");
    /** Technical attributes: themes, CSS classes and ids are words, but no user reads them. */
    private static final Pattern TECHNICAL_ARGUMENT =
            Pattern.compile("\\.(set|add)\\w*(Theme|ThemeName|ThemeNames|ClassName|ClassNames|Id)\\(\\s*$");

    @Test
    void views_hold_no_hard_coded_text() throws Exception {
        Set<String> keys = MessageBundlesTest.bundle("").stringPropertyNames();
        List<String> offending = SourceLiterals.in(SOURCES).stream()
                // views, and the workflow engine, whose failures are read in the history and by users
                .filter(l -> l.file().toString().contains("/ui/") || l.file().toString().contains("/workflow/"))
                .filter(l -> HUMAN_TEXT.matcher(l.value()).matches())
                .filter(l -> !keys.contains(l.value()))
                .filter(l -> !LOGGING.matcher(l.statementBefore()).find())
                .filter(l -> !EXCEPTION.matcher(l.statementBefore()).find())
                .filter(l -> !TECHNICAL_ARGUMENT.matcher(l.statementBefore()).find())
                .filter(l -> !l.statementBefore().contains("@Query("))
                .filter(l -> !l.lineText().contains("// i18n: not user-facing"))
                .map(l -> l.where() + ": \"" + l.value() + "\"")
                .toList();

        assertThat(offending)
                .as("user-facing text must come from messages*.properties via getTranslation(key)")
                .isEmpty();
    }

    @Test
    void every_message_key_in_the_code_exists() throws Exception {
        Set<String> keys = MessageBundlesTest.bundle("").stringPropertyNames();
        Set<String> namespaces = keys.stream().map(k -> k.substring(0, k.indexOf('.') + 1)).collect(Collectors.toSet());
        List<String> missing = SourceLiterals.in(SOURCES).stream()
                .filter(l -> KEY_SHAPE.matcher(l.value()).matches() || l.value().endsWith("."))
                .filter(l -> namespaces.stream().anyMatch(ns -> l.value().startsWith(ns)) || TRANSLATED.matcher(l.statementBefore()).find())
                .filter(l -> !keys.contains(l.value()))
                .filter(l -> !(l.value().endsWith(".") && keys.stream().anyMatch(k -> k.startsWith(l.value()))))
                .map(l -> l.where() + ": \"" + l.value() + "\"")
                .toList();

        assertThat(missing).as("message keys used in code but missing from messages.properties").isEmpty();
    }

    @Test
    void the_check_itself_catches_hard_coded_text() {
        assertThat(HUMAN_TEXT.matcher("Sign in").matches()).isTrue();
        assertThat(HUMAN_TEXT.matcher("Save").matches()).isTrue();
        assertThat(HUMAN_TEXT.matcher("af-login").matches()).isFalse();
        assertThat(HUMAN_TEXT.matcher("vaadin:users").matches()).isFalse();
        assertThat(HUMAN_TEXT.matcher("admin/users").matches()).isFalse();
        assertThat(HUMAN_TEXT.matcher("displayName").matches()).isFalse();
    }
}
