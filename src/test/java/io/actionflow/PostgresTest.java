package io.actionflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against the PostgreSQL server named by {@code ACTIONFLOW_TEST_POSTGRES_URL} (a JDBC URL), on a
 * schema that Flyway cleans and migrates when the context starts. Without the variable the class is skipped, or fails
 * under {@link StrictTests}. All PostgreSQL test classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Statements.class)
@ContextConfiguration(initializers = PostgresDatabase.class)
@ExtendWith(PostgresDatabase.class)
public @interface PostgresTest {
}
