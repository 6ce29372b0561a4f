package io.actionflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** English, Dutch and French say the same things: same keys, same placeholders, nothing empty. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Properties bundle(String suffix) throws IOException {
        var properties = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle messages%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_nl", "_fr"})
    void translation_has_exactly_the_english_keys(String suffix) throws IOException {
        var english = bundle("").stringPropertyNames();
        var translated = bundle(suffix).stringPropertyNames();

        assertThat(difference(english, translated)).as("keys missing from messages%s.properties", suffix).isEmpty();
        assertThat(difference(translated, english)).as("keys only in messages%s.properties", suffix).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_nl", "_fr"})
    void translation_uses_the_same_placeholders(String suffix) throws IOException {
        var english = bundle("");
        var translated = bundle(suffix);
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key, "")))
                    .as("placeholders of %s in messages%s.properties", key, suffix)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_nl", "_fr"})
    void every_text_is_present_and_formats(String suffix) throws IOException {
        var messages = bundle(suffix);
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            assertThat(text).as("%s in messages%s.properties", key, suffix).isNotBlank();
            // A plain apostrophe is swallowed by MessageFormat once the text has arguments: use ’ instead.
            assertThat(text).as("%s in messages%s.properties uses ' instead of ’", key, suffix).doesNotContain("'");
            new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 2, 3});
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> placeholders(String text) {
        var found = new TreeSet<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
