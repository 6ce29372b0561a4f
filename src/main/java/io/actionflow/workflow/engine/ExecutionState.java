package io.actionflow.workflow.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state an execution carries between runs: its context (what triggered it), the jobs recorded so far (so that a
 * resumed execution replays instead of repeating), the messages for the user, and its deadline.
 */
public final class ExecutionState {

    private final Map<String, Object> context;
    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private final boolean synchronous;
    private final Instant deadline;

    private final Long executionId;

    public ExecutionState(Map<String, Object> context, boolean synchronous, Instant deadline, List<JobState> recorded) {
        this(null, context, synchronous, deadline, recorded);
    }

    /** The state of a recorded asynchronous execution: nodes that wait (Approval) refer to it by its id. */
    public ExecutionState(Long executionId, Map<String, Object> context, boolean synchronous, Instant deadline,
            List<JobState> recorded) {
        this.executionId = executionId;
        this.context = context == null ? Map.of() : context;
        this.synchronous = synchronous;
        this.deadline = deadline;
        if (recorded != null) {
            recorded.forEach(j -> jobs.put(j.jobKey(), j));
        }
    }

    /** The id of the execution, for an asynchronous one; null while a synchronous one runs. */
    public Long executionId() {
        return executionId;
    }

    public Map<String, Object> context() {
        return context;
    }

    public Map<String, JobState> jobs() {
        return jobs;
    }

    public List<String> messages() {
        return messages;
    }

    public boolean synchronous() {
        return synchronous;
    }

    public Instant deadline() {
        return deadline;
    }

    private Map<String, Object> submitted;

    /**
     * The submitted values as Update submitted data nodes left them, or null when none ran: a pre-action workflow's
     * changes to what the action will write. They start from {@code $context.data}.
     */
    public Map<String, Object> submitted() {
        return submitted == null ? null : java.util.Collections.unmodifiableMap(submitted);
    }

    /** Changes submitted values; later nodes read them in {@code $context.data} too. */
    @SuppressWarnings("unchecked")
    public void submit(Map<String, Object> changes) {
        if (submitted == null) {
            submitted = new LinkedHashMap<>(context.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of());
        }
        submitted.putAll(changes);
        if (context.get("data") instanceof Map<?, ?> data) {
            try {
                ((Map<String, Object>) data).putAll(changes);
            } catch (UnsupportedOperationException readOnly) {
                // a read-only context: later nodes read the values as submitted
            }
        }
    }

    private Map<String, Object> response;

    /** What a Webhook response node set to answer the call that started the workflow (status, body); null when none. */
    public Map<String, Object> response() {
        return response;
    }

    /** Sets the answer to the webhook call; a later response node replaces an earlier one. */
    public void respond(int status, Object body) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("status", status);
        answer.put("body", body);
        response = java.util.Collections.unmodifiableMap(answer);
    }
}
