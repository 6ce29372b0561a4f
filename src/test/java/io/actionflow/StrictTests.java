package io.actionflow;

/**
 * CI sets {@code ACTIONFLOW_STRICT_TESTS=true}: then a missing browser or PostgreSQL fails the build instead of
 * skipping the tests that need them.
 */
public final class StrictTests {

    private StrictTests() {
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getenv("ACTIONFLOW_STRICT_TESTS"));
    }
}
