package io.actionflow.platform.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.actionflow.platform.LoginLockoutProperties;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. The form posts to Spring Security; a failed attempt comes back here with {@code ?error}, and the
 * reason Spring Security left in the session decides between "wrong credentials" and "locked".
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final io.actionflow.platform.CurrentUser currentUser;
    private final LoginLockoutProperties lockout;
    private final LoginForm form = new LoginForm();
    private final Paragraph tagline = new Paragraph();

    LoginView(io.actionflow.platform.CurrentUser currentUser, LoginLockoutProperties lockout) {
        this.currentUser = currentUser;
        this.lockout = lockout;
        addClassName("af-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        var logo = VaadinIcon.CONNECT_O.create();
        logo.addClassName("af-login-logo");
        var brand = new Div(logo, new Span(getTranslation("app.name")));
        brand.addClassName("af-login-brand");
        tagline.addClassName("af-login-tagline");
        var card = new Div(brand, tagline, form);
        card.addClassName("af-login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // signed in as the security filters see it (the holder they fill and clear), or the home page sends us back
        if (currentUser.isSignedIn()) {
            event.forwardTo("");
            return;
        }
        tagline.setText(getTranslation("login.tagline"));
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setI18n(texts(failed && lastFailureWasLock()));
        form.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }

    private LoginI18n texts(boolean locked) {
        var i18n = LoginI18n.createDefault();
        var header = new LoginI18n.Header();
        header.setTitle(getTranslation("app.name"));
        i18n.setHeader(header);
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setUsername(getTranslation("login.usernameRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("login.passwordRequired"));
        if (locked) {
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", lockout.lockout().toMinutes()));
        } else {
            i18n.getErrorMessage().setTitle(getTranslation("login.failed.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.failed.message"));
        }
        return i18n;
    }

    /** Reads, once, why Spring Security refused the last attempt of this browser session. */
    private static boolean lastFailureWasLock() {
        var session = VaadinSession.getCurrent().getSession();
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LockedException;
    }
}
