package io.actionflow.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.Language;
import io.actionflow.platform.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every new UI speaks the signed-in user's chosen language (otherwise the browser's, as Vaadin picks it), and an
 * unexpected failure in a click shows a short message with a reference instead of a stack trace.
 */
@Component
class ShellServiceInit implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ShellServiceInit.class);

    private final UserService users;
    private final CurrentUser currentUser;

    ShellServiceInit(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> applyLanguage(e.getUI()));
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            String reference = ErrorReference.next();
            log.error("Error {} while handling a user action", reference, error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                Notices.error(ui.getTranslation("error.unexpected.message", reference));
            }
        }));
    }

    private void applyLanguage(UI ui) {
        currentUser.username()
                .flatMap(users::preferredLocale)
                .flatMap(Language::of)
                .ifPresent(language -> ui.setLocale(language.locale()));
    }
}
