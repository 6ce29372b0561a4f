package io.actionflow;

/** Base of tests that run on the shared H2 context; see {@link H2Test}. */
@H2Test
public abstract class IntegrationTest {
}
