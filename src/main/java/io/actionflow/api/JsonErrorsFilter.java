package io.actionflow.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors raised outside our controllers (no such address, a method or media type not answered there) are sent by
 * Spring as bare status codes, which would end on the UI's error page. Under {@code /api} they become JSON too.
 */
class JsonErrorsFilter extends OncePerRequestFilter {

    private final ApiErrors errors;

    JsonErrorsFilter(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = ApiLocale.of(request);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                sendError(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                if (isCommitted()) {
                    return;
                }
                resetBuffer();
                String key = switch (status) {
                    case 404 -> "api.path.unknown";
                    case 405 -> "api.method.other";
                    case 413 -> "api.body.tooLarge";
                    case 415 -> "api.mediaType";
                    case 406 -> "api.accept";
                    case 401 -> "api.unauthorized";
                    case 403 -> "api.forbidden";
                    default -> status >= 500 ? "api.failed" : "api.request.bad";
                };
                Object argument = switch (status) {
                    case 404 -> request.getRequestURI();
                    case 405 -> request.getMethod();
                    case 413 -> RecordActions.MAX_BODY / 1024;
                    default -> "-";
                };
                errors.write((HttpServletResponse) getResponse(), status, locale, key, argument);
            }
        });
    }
}
