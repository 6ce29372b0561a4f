package io.actionflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The Spring context that H2-backed tests share: the whole application on an in-memory H2 database, served on a
 * random port so that browser and HTTP tests can reach it. Test classes add no further context configuration, so
 * they all reuse one context. Its data source counts statements ({@link Statements}); what it mails arrives in
 * {@link TestMail}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Statements.class)
@ContextConfiguration(initializers = TestMail.class)
public @interface H2Test {
}
