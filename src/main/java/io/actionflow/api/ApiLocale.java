package io.actionflow.api;

import io.actionflow.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The language of an answer: the first of the caller's {@code Accept-Language} that we speak, else English. */
final class ApiLocale {

    private ApiLocale() {
    }

    static Locale of(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        var wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            Locale locale = wanted.nextElement();
            for (Locale spoken : Language.locales()) {
                if (spoken.getLanguage().equals(locale.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
