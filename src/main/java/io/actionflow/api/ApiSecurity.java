package io.actionflow.api;

import io.actionflow.platform.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API signs each call in from its token ({@code Authorization: Bearer …} or a {@code token} parameter), with no
 * session and no CSRF token (nothing is signed in by a cookie here); {@code X-Role} picks one of the user's roles.
 * Only {@code auth:signIn} is open. Refusals are JSON: 401 without a valid token, 403 for a role or action not allowed.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurity {

    static final String ROLE_ATTRIBUTE = "actionflow.api.role";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ApiErrors errors, SecurityContextHolderStrategy contexts)
            throws Exception {
        signedByToken(http.securityMatcher("/api/**"), errors)
                .addFilterBefore(new JsonErrorsFilter(errors), org.springframework.security.web.session.DisableEncodeUrlFilter.class)
                .addFilterBefore(new TokenFilter(tokens, errors, contexts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/auth:signIn").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Webhook calls ({@code /api/webhooks/<hook>}): nobody signs in, not even with a valid API token (the token is not
     * read); the workflow's secret is checked by the endpoint itself.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain webhookChain(HttpSecurity http, ApiErrors errors) throws Exception {
        signedByToken(http.securityMatcher("/api/webhooks/*"), errors)
                .addFilterBefore(new JsonErrorsFilter(errors), org.springframework.security.web.session.DisableEncodeUrlFilter.class)
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /**
     * What the API's chains share: each call signs itself in (no session, no CSRF token, no login form), and a refusal
     * is a JSON 401 or 403.
     */
    private static HttpSecurity signedByToken(HttpSecurity http, ApiErrors errors) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(response, 401, ApiLocale.of(request), "api.unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(response, 403, ApiLocale.of(request), "api.forbidden")));
    }

    /**
     * Metrics in Prometheus' format ({@code /actuator/prometheus}): for an admin's API token, or for the scrape token an
     * operator configured ({@code actionflow.metrics.scrape-token}); refused to anyone else, as JSON.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, ApiTokens tokens, ApiErrors errors, SecurityContextHolderStrategy contexts,
            @org.springframework.beans.factory.annotation.Value("${actionflow.metrics.scrape-token:}") String scrapeToken)
            throws Exception {
        signedByToken(http.securityMatcher("/actuator/prometheus"), errors)
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken, contexts), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new TokenFilter(tokens, errors, contexts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(io.actionflow.platform.Role.ADMIN_ID, SCRAPER));
        return http.build();
    }

    /** The role of a caller that signed in with the scrape token: it may read metrics and nothing else. */
    static final String SCRAPER = "metrics-scraper";

    /** Signs in a call that carries the configured scrape token (compared in constant time). */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final byte[] token;
        private final SecurityContextHolderStrategy contexts;

        ScrapeTokenFilter(String token, SecurityContextHolderStrategy contexts) {
            this.token = token == null || token.isBlank() ? null : token.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.contexts = contexts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && java.security.MessageDigest.isEqual(token, header.substring(7).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                signedIn(contexts, org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        SCRAPER, null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + SCRAPER))),
                        () -> chain.doFilter(request, response));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Before anything reads a parameter: under {@code /api}, parameters come from the query string only. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<QueryParametersFilter> queryParameters(ApiErrors errors) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new QueryParametersFilter(errors));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before anything runs: under {@code /api}, a call that does not accept JSON is refused, the others get JSON. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<JsonAnswersFilter> jsonAnswers(ApiErrors errors) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new JsonAnswersFilter(errors));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Requests the firewall refuses (encoded slashes or dots, a backslash, control characters): under {@code /api} a
     * JSON 400 like any other bad call, elsewhere a plain 400.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(ApiErrors errors) {
        return (request, response, rejected) -> {
            if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
                errors.write(response, 400, ApiLocale.of(request), "api.request.rejected");
            } else {
                response.sendError(400);
            }
        };
    }

    /** The rest of a call served as {@code authentication}, the context emptied once it is over. */
    private static void signedIn(SecurityContextHolderStrategy contexts, org.springframework.security.core.Authentication authentication,
            Rest rest) throws ServletException, IOException {
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            rest.run();
        } finally {
            contexts.clearContext();
        }
    }

    /** What a filter passes the call on to. */
    private interface Rest {
        void run() throws ServletException, IOException;
    }

    /** Signs a call in from its token; a token that signs nobody in, or a role not theirs, ends the call here. */
    static final class TokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final ApiErrors errors;
        private final SecurityContextHolderStrategy contexts;

        TokenFilter(ApiTokens tokens, ApiErrors errors, SecurityContextHolderStrategy contexts) {
            this.tokens = tokens;
            this.errors = errors;
            this.contexts = contexts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String secret = secret(request);
            var signedIn = contexts.getContext().getAuthentication();
            if (secret == null || (signedIn != null && signedIn.isAuthenticated())) {
                chain.doFilter(request, response);
                return;
            }
            switch (tokens.caller(secret, request.getHeader("X-Role"))) {
                case ApiTokens.Caller.Signed signed -> {
                    request.setAttribute(ROLE_ATTRIBUTE, signed.role());
                    signedIn(contexts, signed.authentication(), () -> chain.doFilter(request, response));
                }
                case ApiTokens.Caller.RoleRefused refused -> errors.write(response, 403, ApiLocale.of(request), "api.role.refused",
                        refused.role());
                case ApiTokens.Caller.Unknown unknown -> errors.write(response, 401, ApiLocale.of(request), "api.token.unknown");
            }
        }

        private static String secret(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return header.substring(7).strip();
            }
            String parameter = request.getParameter("token");
            return parameter == null || parameter.isBlank() ? null : parameter.strip();
        }
    }
}
