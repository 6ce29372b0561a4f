package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** The sign-in form as a browser posts it: real HTTP against the running application. */
class SignInOverHttpTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymous_request_for_the_application_is_redirected_to_the_login() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void health_is_open_for_container_checks() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    /**
     * A check that asks for another type, or posts, gets the error's own status, not a redirect to the
     * login page (a checker that follows redirects would read the login page's 200 as healthy).
     */
    @Test
    void health_answers_a_check_it_cannot_serve_with_its_status_not_the_login_page() throws Exception {
        for (String accept : new String[] {"text/plain", "text/html"}) {
            var response = http.send(HttpRequest.newBuilder(url("/actuator/health")).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.body()).as(accept).contains("answers in JSON").doesNotContain("Exception");
        }
        var post = http.send(HttpRequest.newBuilder(url("/actuator/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("refused for its missing CSRF token, before the method is looked at").isEqualTo(403);
        assertThat(post.headers().firstValue("Location")).isEmpty();
    }

    /**
     * A page left behind (signed out, its session expired, its cookies cleared) closes its push connection as the next
     * page loads. That close made a new session, whose cookie could arrive after the login page's and replace it: the
     * sign-in then failed its CSRF check and came back as an empty login form (three times in fifteen, in Chromium).
     */
    @Test
    void a_push_close_without_a_session_makes_none() throws Exception {
        String close = "/VAADIN/push?v-r=push&v-uiId=2&v-pushId=" + UUID.randomUUID()
                + "&X-Atmosphere-Transport=close&X-Atmosphere-tracking-id=" + UUID.randomUUID() + "&X-Vaadin-LastSeenServerSyncId=1";
        for (String cookie : new String[] {null, "JSESSIONID=EXPIRED0123456789ABCDEF0123456789"}) {
            var request = HttpRequest.newBuilder(url(close)).POST(HttpRequest.BodyPublishers.noBody());
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(String.valueOf(cookie)).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(String.valueOf(cookie)).isEmpty();
        }
    }

    @Test
    void right_password_signs_in_and_wrong_password_returns_to_the_login_with_an_error() throws Exception {
        assertThat(signIn("member", "member1234")).doesNotContain("/login");
        assertThat(signIn("member", "wrong-password")).endsWith("/login?error");
        assertThat(signIn("nobody-" + UUID.randomUUID(), "wrong-password")).endsWith("/login?error");
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void ten_wrong_passwords_in_a_row_lock_out_even_the_right_one() throws Exception {
        String username = "http-lock-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserDraft(username, "Lock Test", null, "right-password", Set.of(Role.MEMBER_ID)));

        for (int i = 0; i < 10; i++) {
            assertThat(signIn(username, "wrong-password")).endsWith("/login?error");
        }

        assertThat(signIn(username, "right-password")).endsWith("/login?error");
        assertThat(users.findByUsername(username).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void a_login_post_without_the_pages_csrf_token_signs_nobody_in() throws Exception {
        var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());

        var forged = post(browser, "username=member&password=member1234");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        var home = browser.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(home.headers().firstValue("Location")).as("still signed out").hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        var wrongToken = post(browser, "username=member&password=member1234&_csrf=forged");
        assertThat(wrongToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void the_error_address_opened_directly_by_a_signed_in_user_is_not_found_as_json() throws Exception {
        var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        assertThat(signIn(browser, "member", "member1234")).doesNotContain("/login");

        var error = browser.send(HttpRequest.newBuilder(url("/error")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(error.body()).contains("Nothing answers at").doesNotContain("999");
    }

    /** Opens the login page, then posts its form with the page's token, as the login form does. */
    private String signIn(String username, String password) throws Exception {
        return signIn(io.actionflow.HttpSignIn.browser(), username, password);
    }

    private String signIn(HttpClient browser, String username, String password) throws Exception {
        return io.actionflow.HttpSignIn.signIn(browser, port, username, password);
    }

    private HttpResponse<Void> post(HttpClient client, String form) throws Exception {
        var request = HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
