package io.actionflow;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at the PostgreSQL server of {@code ACTIONFLOW_TEST_POSTGRES_URL} and starts it clean. */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

    static final String URL_VARIABLE = "ACTIONFLOW_TEST_POSTGRES_URL";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
        }
        if (StrictTests.enabled()) {
            return ConditionEvaluationResult.enabled("strict: will fail without " + URL_VARIABLE);
        }
        return ConditionEvaluationResult.disabled(URL_VARIABLE + " is not set: PostgreSQL tests skipped "
                + "(e.g. export " + URL_VARIABLE + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = url();
        if (url == null) {
            throw new IllegalStateException(URL_VARIABLE + " must name a PostgreSQL JDBC URL when ACTIONFLOW_STRICT_TESTS=true");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", System.getenv().getOrDefault("ACTIONFLOW_TEST_POSTGRES_USER", "postgres"),
                "spring.datasource.password", System.getenv().getOrDefault("ACTIONFLOW_TEST_POSTGRES_PASSWORD", ""),
                "spring.flyway.clean-disabled", "false")));
        context.getBeanFactory().registerSingleton("cleanThenMigrate", (FlywayMigrationStrategy) PostgresDatabase::cleanThenMigrate);
    }

    private static void cleanThenMigrate(Flyway flyway) {
        flyway.clean();
        flyway.migrate();
    }

    private static String url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }
}
