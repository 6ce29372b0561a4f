package io.actionflow.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Technical names made from what people type: "Purchase requests" → {@code purchase_requests} or {@code purchase-requests}. */
public final class Slugs {

    private Slugs() {
    }

    /** Lower-case ASCII letters and digits, runs of anything else as one {@code separator}, none at either end. */
    public static String from(String text, char separator) {
        String sep = String.valueOf(separator);
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", sep)
                .replaceAll("^" + java.util.regex.Pattern.quote(sep) + "+|" + java.util.regex.Pattern.quote(sep) + "+$", "");
    }
}
