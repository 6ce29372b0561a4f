package io.actionflow.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans every part of the application uses, with or without a web server. */
@Configuration
class PlatformConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Signs accounts in by password, for the login page and {@code auth:signIn}. Each attempt is counted before its
     * password is checked ({@link UserService#claimSignIn}): a hundred attempts sent at once reach the password check
     * ten times at most, then the account is locked (checking first and counting after let them all through).
     */
    @Bean
    DaoAuthenticationProvider accountSignIn(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder, UserService users) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
            if (!user.isAccountNonLocked() || !users.claimSignIn(user.getUsername())) {
                throw new LockedException("Account locked");
            }
        });
        return provider;
    }

    /** Static: a post-processor is made before the other beans of this configuration. */
    @Bean
    static H2Shutdown h2Shutdown() {
        return new H2Shutdown();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * jOOQ without its debug listener and SQL-warning fetches: both cost time on every statement, and record calls run
     * several statements per click.
     */
    @Bean
    org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer jooqSettings() {
        return configuration -> configuration.settings().withExecuteLogging(false).withFetchWarnings(false);
    }
}
