package io.actionflow.workflow.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Forms that people fill in while an execution waits (the Manual task node): who is asked, what they are asked, and
 * what they submitted. The tasks of one node run are known by the execution and the job key, so asking again (a step
 * run twice) asks no one twice.
 */
public interface TaskPort {

    /**
     * What a Manual task node asks.
     *
     * @param fields   the form's fields as the node's settings give them (name, title, type, required, options)
     * @param values   the values the form starts with, by field name
     * @param named    usernames or user ids; {@code role}: everyone with that role; all that are given count
     * @param all      whether everyone asked must submit (otherwise the first to submit decides)
     * @param due      when the node stops waiting, or null for no limit
     */
    record Ask(long executionId, String jobKey, String nodeKey, String title, String description, String collection,
            List<Map<String, Object>> fields, Map<String, Object> values, List<String> named, String role, boolean all,
            Instant due) {
    }

    /** One person's submitted form. */
    record Submission(String by, Map<String, Object> values, Instant at) {
    }

    /**
     * Where the tasks of one node run stand: {@code done} once the form has been submitted as the node's mode asks;
     * {@code open} the people still asked.
     */
    record Progress(boolean done, List<Submission> submissions, List<String> open) {
    }

    /** Asks the people the settings name (each once); returns whom it asked, empty when it named no one who can be asked. */
    List<String> ask(Ask ask);

    Progress progress(long executionId, String jobKey);

    /** Reminds the people who have not submitted yet; returns whom. */
    List<String> remind(long executionId, String jobKey);

    /** The node stopped waiting without them (its time ran out): the tasks still open close. */
    void expire(long executionId, String jobKey);
}
