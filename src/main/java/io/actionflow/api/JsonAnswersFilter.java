package io.actionflow.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Under {@code /api}, every answer is JSON. A call whose {@code Accept} header leaves JSON out is refused with 406
 * before anything runs: refused after an action had run, its write would have stayed while the caller saw an error
 * (and tried again). A call that accepts JSON gets JSON, even when it prefers another type: Spring would otherwise
 * write YAML through the Jackson 2 converter that swagger's libraries bring to the class path, with another mapper's
 * rules (dates as numbers). Where it applies is its registration's ({@code /api/*}, {@link ApiSecurity}), matched on
 * the decoded path as Spring's mappings and security match it: {@code /%61pi/…} is {@code /api/…} here too.
 */
class JsonAnswersFilter extends OncePerRequestFilter {

    private final ApiErrors errors;

    JsonAnswersFilter(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsJson(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
            errors.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE, ApiLocale.of(request), "api.accept");
            return;
        }
        String type = request.getContentType();
        if (type != null && type.strip().regionMatches(true, 0, "multipart/", 0, 10)) {
            // no call takes a multipart form: refused before the container takes it apart (and fails on a broken one)
            errors.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ApiLocale.of(request), "api.mediaType");
            return;
        }
        chain.doFilter(new AcceptingJson(request), response);
    }

    /** No header, or one with a range that takes JSON at a quality above zero. */
    private static boolean acceptsJson(List<String> accept) {
        if (accept.isEmpty()) {
            return true;
        }
        try {
            return accept.stream().flatMap(value -> MediaType.parseMediaTypes(value).stream())
                    .anyMatch(range -> range.includes(MediaType.APPLICATION_JSON) && range.getQualityValue() > 0);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The request as Spring's content negotiation sees it: accepting JSON alone. */
    private static final class AcceptingJson extends HttpServletRequestWrapper {

        AcceptingJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HttpHeaders.ACCEPT::equalsIgnoreCase)) {
                names.add(HttpHeaders.ACCEPT);
            }
            return Collections.enumeration(names);
        }
    }
}
