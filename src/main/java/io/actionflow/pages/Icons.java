package io.actionflow.pages;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import java.util.regex.Pattern;

/** Icon names as admins write them ({@code vaadin:check}): only names of an icon that exists are kept. */
public final class Icons {

    private static final Pattern SHAPE = Pattern.compile("([a-z]+):([a-z0-9-]+)");

    private Icons() {
    }

    /** Whether {@code icon} names an icon of the Vaadin set (the one buttons and pages show). */
    public static boolean known(String icon) {
        var parts = SHAPE.matcher(icon == null ? "" : icon.strip());
        if (!parts.matches() || !"vaadin".equals(parts.group(1))) {
            return false;
        }
        try {
            VaadinIcon.valueOf(parts.group(2).toUpperCase(Locale.ROOT).replace('-', '_'));
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
