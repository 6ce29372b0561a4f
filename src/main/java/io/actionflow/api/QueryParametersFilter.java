package io.actionflow.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Under {@code /api}, parameters are the query string's only. The servlet container would otherwise read a
 * form-encoded body into parameters the first time one is asked for (the {@code token} parameter, say), and the
 * body would be gone by the time the action reads it: a create would save an empty record and answer 200.
 * Where it applies is its registration's ({@code /api/*}, {@link ApiSecurity}), on the decoded path.
 */
class QueryParametersFilter extends OncePerRequestFilter {

    /** As many as the container allows by default. */
    static final int MAX_PARAMETERS = 1000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new QueryOnly(request), response);
    }

    private static final class QueryOnly extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                parameters = Collections.unmodifiableMap(parse(getQueryString()));
            }
            return parameters;
        }

        private static Map<String, String[]> parse(String query) {
            var collected = new LinkedHashMap<String, List<String>>();
            if (query != null && !query.isEmpty()) {
                int count = 0;
                for (String pair : query.split("&")) {
                    if (pair.isEmpty() || ++count > MAX_PARAMETERS) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    if (name != null && value != null) {
                        collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                }
            }
            var map = new LinkedHashMap<String, String[]>();
            collected.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
            return map;
        }

        /** A parameter as the container decodes it; one it cannot decode is left out, as the container does. */
        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
