package io.actionflow.approval;

import io.actionflow.collections.FieldDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One person's form of a Manual task node: what they are asked ({@code fields}, each a field as collections know
 * them), what the form holds now ({@code values}: as it started, saved as a draft, or submitted), and where it stands.
 */
public record ManualTask(long id, long executionId, String title, String description, List<FieldDefinition> fields,
        Map<String, Object> values, boolean all, String assignee, Status status, Instant dueAt, Instant createdAt,
        Instant submittedAt) {

    public enum Status {
        OPEN,
        SUBMITTED,
        /** No longer needed: someone else submitted (mode any), or the execution ended without it. */
        CLOSED,
        /** The node's time ran out before it was submitted. */
        EXPIRED
    }
}
