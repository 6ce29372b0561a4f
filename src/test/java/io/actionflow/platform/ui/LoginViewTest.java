package io.actionflow.platform.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinSession;
import io.actionflow.KaribuTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymous_visitor_of_the_home_page_is_sent_to_the_login() {
        navigate("");

        _get(LoginView.class);
        var form = _get(LoginForm.class);
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void wrong_credentials_show_a_message_that_leaks_nothing() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("Bad credentials"));
        navigate("login?error");

        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(texts(form)).contains("Incorrect username or password")
                .doesNotContainIgnoringCase("exist").doesNotContainIgnoringCase("credentials");
    }

    @Test
    void locked_account_is_told_so_with_the_lock_duration() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LockedException("locked"));
        navigate("login?error");

        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(texts(form)).contains("Account locked").contains("locked for 5 minutes");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).isNull();
    }

    @Test
    void login_page_speaks_the_browser_language() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("nl-BE"));
        navigate("login");

        var form = _get(LoginForm.class);
        assertThat(texts(form)).contains("\"Aanmelden\"").contains("\"Gebruikersnaam\"");
    }

    @Test
    void signed_in_user_opening_the_login_goes_home() {
        signIn("member");
        navigate("login");

        _get(HomeView.class);
    }

    /** The texts the form shows, as the browser receives them. */
    private static String texts(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
