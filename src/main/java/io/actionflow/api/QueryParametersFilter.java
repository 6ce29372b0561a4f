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
 * A parameter that cannot be decoded ({@code filter=%zz}), or more than {@link #MAX_PARAMETERS} of them, is refused
 * with a JSON 400 before anything runs. Where it applies is its registration's ({@code /api/*}, {@link ApiSecurity}),
 * on the decoded path.
 */
class QueryParametersFilter extends OncePerRequestFilter {

    /** As many as the container allows by default; a call with more is refused rather than cut short. */
    static final int MAX_PARAMETERS = 1000;

    private final ApiErrors errors;

    QueryParametersFilter(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = parse(request.getQueryString());
        } catch (Unreadable unreadable) {
            // dropping what cannot be read would run the call without it: a list without its filter, all of it
            if (unreadable.pair == null) {
                errors.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiLocale.of(request), "api.parameters.tooMany",
                        MAX_PARAMETERS);
            } else {
                errors.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiLocale.of(request), "api.parameters.unreadable",
                        unreadable.pair);
            }
            return;
        }
        chain.doFilter(new QueryOnly(request, Collections.unmodifiableMap(parameters)), response);
    }

    /** A parameter that cannot be decoded (null: too many parameters). */
    private static final class Unreadable extends Exception {
        final String pair;

        Unreadable(String pair) {
            super(null, null, false, false);
            this.pair = pair;
        }
    }

    private static Map<String, String[]> parse(String query) throws Unreadable {
        var collected = new LinkedHashMap<String, List<String>>();
        if (query != null && !query.isEmpty()) {
            int count = 0;
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                if (++count > MAX_PARAMETERS) {
                    throw new Unreadable(null);
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), pair);
                collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        var map = new LinkedHashMap<String, String[]>();
        collected.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        return map;
    }

    /**
     * A parameter as the container decodes it (UTF-8, {@code +} as a space); escapes that are not UTF-8
     * ({@code %C0%AF}) are refused, not read as replacement characters.
     */
    private static String decode(String text, String pair) throws Unreadable {
        String decoded;
        try {
            decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new Unreadable(shown(pair));
        }
        if (decoded.indexOf('\uFFFD') >= 0 && !text.toUpperCase(java.util.Locale.ROOT).contains("%EF%BF%BD")
                && text.indexOf('\uFFFD') < 0) {
            throw new Unreadable(shown(pair));
        }
        return decoded;
    }

    private static String shown(String pair) {
        return pair.length() > 80 ? pair.substring(0, 80) + "…" : pair;
    }

    private static final class QueryOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }
    }
}
