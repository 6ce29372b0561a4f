package io.actionflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page closes its push connection when the browser leaves it. When that page's session is gone (signed out,
 * expired, its cookies cleared), there is nothing to close, and the close is answered at once: handled further, it
 * made a new session, whose cookie could arrive after the next page's and replace it. On the login page that lost the
 * session its CSRF token belongs to, and signing in brought back an empty login form.
 */
final class PushCloseWithoutSession extends OncePerRequestFilter {

    static final String PATH = "/VAADIN/push";
    private static final String CLOSE = "X-Atmosphere-Transport=close";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || Arrays.stream(query.split("&")).noneMatch(CLOSE::equals);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        chain.doFilter(request, response);
    }
}
