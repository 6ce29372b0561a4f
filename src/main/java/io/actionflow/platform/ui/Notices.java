package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;

/** Short messages in the corner of the screen, in the two shapes the application uses. */
public final class Notices {

    private Notices() {
    }

    public static void success(String text) {
        show(text, NotificationVariant.SUCCESS, 3000);
    }

    public static void error(String text) {
        show(text, NotificationVariant.ERROR, 6000);
    }

    /**
     * A refusal as one notice: each reason on its own line, in the user's language (four reasons are four lines, not
     * four notices over a phone's screen).
     */
    public static void refused(Component owner, ValidationException refusal) {
        error(String.join("\n", refusal.errors().stream()
                .map(e -> new Text(e.messageKey(), e.args()).format(owner::getTranslation)).toList()));
    }

    private static void show(String text, NotificationVariant variant, int millis) {
        var notification = Notification.show(text, millis, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.addClassName("af-notice");
    }
}
