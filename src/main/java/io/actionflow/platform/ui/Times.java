package io.actionflow.platform.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Moments as users read them: in the server's time zone, short and in the user's language. */
public final class Times {

    private Times() {
    }

    public static String format(Instant moment, Locale locale) {
        return moment == null ? "" : moment.atZone(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale));
    }
}
