package io.actionflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form must carry the CSRF token of the page it was sent from. Vaadin's security setup leaves the login
 * address out of CSRF protection; its login form sends the token anyway (from the page's meta tags), so we check it:
 * another site cannot sign a visitor in to an account of its choosing. A form without a valid token goes back to a
 * fresh login page, and nobody is signed in.
 */
final class LoginCsrf extends OncePerRequestFilter {

    private final String loginPath;
    private final CsrfTokenRepository tokens;
    private final XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrf(String loginPath, CsrfTokenRepository tokens) {
        this.loginPath = loginPath;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !loginPath.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken expected = tokens.loadToken(request);
        String sent = expected == null ? null : handler.resolveCsrfTokenValue(request, expected);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getToken().getBytes(StandardCharsets.UTF_8))) {
            response.sendRedirect(request.getContextPath() + loginPath);
            return;
        }
        chain.doFilter(request, response);
    }
}
