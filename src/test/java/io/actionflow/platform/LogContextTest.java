package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a request logs names the request and its user, and nothing of it stays on the thread afterwards (issue 17). */
class LogContextTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void log_lines_of_a_request_carry_the_request_and_the_user() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("clerk", null,
                java.util.List.of(new SimpleGrantedAuthority("ROLE_member"))));
        var seen = new HashMap<String, String>();
        new LogContext().doFilter(new MockHttpServletRequest("POST", "/api/orders:create"), new MockHttpServletResponse(),
                (request, response) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsAllEntriesOf(Map.of("request", "POST /api/orders:create", "user", "clerk"));
        assertThat(MDC.get("request")).isNull();
        assertThat(MDC.get("user")).isNull();
    }

    @Test
    void an_anonymous_request_has_no_user() throws Exception {
        var seen = new HashMap<String, String>();
        new LogContext().doFilter(new MockHttpServletRequest("GET", "/login"), new MockHttpServletResponse(),
                (request, response) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("request", "GET /login").doesNotContainKey("user");
    }
}
