package io.actionflow;

import io.actionflow.platform.Text;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** Texts as an English-speaking user reads them, from {@code messages.properties}: tests assert on words, not keys. */
public final class English {

    private static final Properties MESSAGES = load();

    private English() {
    }

    public static String of(Text text) {
        return text.format(English::format);
    }

    /** A stored error: a {@link Text} in words, or the plain string it is. */
    public static String of(String stored) {
        return Text.format(stored, English::format);
    }

    private static String format(String key, Object[] args) {
        String pattern = MESSAGES.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("No English text for " + key);
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    private static Properties load() {
        var properties = new Properties();
        try (var in = English.class.getResourceAsStream("/messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
