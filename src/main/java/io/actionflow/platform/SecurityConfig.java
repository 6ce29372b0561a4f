package io.actionflow.platform;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.actionflow.platform.ui.LoginView;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/** Sign-in through our login view for the UI; health stays open for load balancers and container checks. */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Spring Security observes every filter of every request when a metrics registry is there; that costs a tenth of a
     * small API call. Off unless asked for ({@code actionflow.metrics.security-observations=true}). Read when the bean
     * is made, not as a condition on it: a start with the beans generated at build time (spring.aot.enabled) follows
     * the setting too.
     */
    @Bean
    SecurityObservationSettings securityObservations(
            @Value("${actionflow.metrics.security-observations:false}") boolean observe) {
        return observe ? SecurityObservationSettings.withDefaults().build() : SecurityObservationSettings.noObservations();
    }

    /** Before anything can make a session: a push connection's close from a page whose session is gone. */
    @Bean
    FilterRegistrationBean<PushCloseWithoutSession> pushCloseWithoutSession() {
        var registration = new FilterRegistrationBean<>(new PushCloseWithoutSession());
        registration.addUrlPatterns(PushCloseWithoutSession.PATH, PushCloseWithoutSession.PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**", "/images/**").permitAll()
                // the error page of a request that was let through (a health check asking for a type it cannot have):
                // its status as JSON, not a redirect to the login page; it shows nothing but the status
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                // the HTTP API's description and its Swagger UI page
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").hasRole(Role.ADMIN_ID));
        http.addFilterBefore(new LoginCsrf("/login", new HttpSessionCsrfTokenRepository()),
                UsernamePasswordAuthenticationFilter.class);
        // Signed-in users reach Vaadin for any address, so an unknown one gets our "page not found" view, not a bare 403.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

}
