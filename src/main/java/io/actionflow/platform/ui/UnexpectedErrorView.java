package io.actionflow.platform.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failure while opening a page: the user gets a reference to quote, the log gets the stack trace. */
@AnonymousAllowed
class UnexpectedErrorView extends MessagePage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.next();
        log.error("Error {} while opening '{}'", reference, event.getLocation().getPath(), parameter.getCaughtException());
        show("vaadin:warning", getTranslation("error.unexpected.title"),
                getTranslation("error.unexpected.message", reference));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
