package io.actionflow.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans every part of the application uses, with or without a web server. */
@Configuration
class PlatformConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
