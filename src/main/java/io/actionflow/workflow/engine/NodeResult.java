package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.time.Instant;
import java.util.List;

/** What running one node decided: go on, take a branch, repeat a body, wait, end the workflow, or fail. */
public sealed interface NodeResult {

    /** Go on with the next node; {@code output} is what later nodes read as {@code $jobsMapByNodeKey.<key>}. */
    record Continue(Object output) implements NodeResult {
    }

    /** Run the named branch, then go on after this node. */
    record Branch(String branch, Object output) implements NodeResult {
    }

    /** Run the {@code body} branch once per item, then go on (loops). */
    record Repeat(List<Object> items, Object output) implements NodeResult {
    }

    /** Stop here until {@code until}; an asynchronous runner resumes the execution then. */
    record Wait(Instant until, Object output) implements NodeResult {
    }

    /** End the whole workflow: resolved when {@code success}, failed otherwise. */
    record End(boolean success, Object output) implements NodeResult {
    }

    /** End the whole workflow as rejected (an approval turned down): nothing failed, so what ran stays. */
    record Reject(Object output) implements NodeResult {
    }

    /** The node refused to go on (a rule, not a crash): the workflow fails with this message (an encoded {@link Text}). */
    record Fail(String message) implements NodeResult {
    }

    static Fail fail(String key, Object... args) {
        return new Fail(Text.of(key, args).encoded());
    }
}
