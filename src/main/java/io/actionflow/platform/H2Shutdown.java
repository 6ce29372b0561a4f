package io.actionflow.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Leaves the closing of an H2 database to the connection pool, which a graceful stop closes last. By default H2 closes
 * a database from a JVM shutdown hook of its own, at the moment Spring's own hook begins: the asynchronous steps and
 * the requests that a stop lets finish, and the hand-back of picked executions, then found it closed, and a step's
 * write was lost (the step ran, and called out, again after the next start). Spring Boot opens its own embedded
 * databases with {@code DB_CLOSE_ON_EXIT=FALSE} for this reason; here it holds for every H2 URL (the default file, one
 * an operator sets, the tests' in-memory ones) unless the URL sets it itself.
 */
final class H2Shutdown implements BeanPostProcessor {

    static final String LEFT_TO_THE_POOL = ";DB_CLOSE_ON_EXIT=FALSE";

    static String leftToThePool(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            return url;
        }
        return url + LEFT_TO_THE_POOL;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool) {
            String url = leftToThePool(pool.getJdbcUrl());
            if (!Objects.equals(url, pool.getJdbcUrl())) {
                pool.setJdbcUrl(url);
            }
        }
        return bean;
    }
}
