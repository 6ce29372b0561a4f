package io.actionflow.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Actionflow speaks. Each is named in its own language, so nobody needs a translation to find theirs. */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    DUTCH(Locale.of("nl"), "Nederlands"),
    FRENCH(Locale.FRENCH, "Français");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    public static List<Locale> locales() {
        return Arrays.stream(values()).map(Language::locale).toList();
    }

    /** The supported language of a locale ({@code nl-BE} is Dutch), if any. */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.locale.getLanguage().equals(locale.getLanguage())).findFirst();
    }
}
