package io.actionflow.platform.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Whether an admin is composing pages (design mode) in this browser session. Views that show design controls listen
 * for {@link Changed} and redraw; only admins see the toggle, and views check the role again before showing controls.
 */
public final class DesignMode {

    private static final String ATTRIBUTE = DesignMode.class.getName();

    private DesignMode() {
    }

    public static boolean isOn() {
        var session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }

    public static void set(boolean on) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, on);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new Changed(ui, on));
        }
    }

    public static Registration onChange(UI ui, Consumer<Boolean> listener) {
        return ComponentUtil.addListener(ui, Changed.class, e -> listener.accept(e.on));
    }

    /** Design mode was switched on or off. */
    public static final class Changed extends ComponentEvent<UI> {
        private final boolean on;

        Changed(UI ui, boolean on) {
            super(ui, false);
            this.on = on;
        }
    }
}
