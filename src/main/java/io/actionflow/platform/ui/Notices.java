package io.actionflow.platform.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

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

    private static void show(String text, NotificationVariant variant, int millis) {
        var notification = Notification.show(text, millis, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
