package io.actionflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request is served names the request ({@code request}: method and path) and who sent
 * it ({@code user}), so that an error reference a user quotes leads to one line with all three. Plain logs show them
 * where the pattern asks for them; structured logs ({@code logging.structured.format.console=ecs}) carry them as fields.
 * Runs after Spring Security has signed the request in.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
public class LogContext extends OncePerRequestFilter {

    public static final String REQUEST = "request";
    public static final String USER = "user";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        MDC.put(REQUEST, request.getMethod() + " " + request.getRequestURI());
        if (authentication != null && authentication.isAuthenticated() && !"anonymousUser".equals(authentication.getName())) {
            MDC.put(USER, authentication.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST);
            MDC.remove(USER);
        }
    }
}
