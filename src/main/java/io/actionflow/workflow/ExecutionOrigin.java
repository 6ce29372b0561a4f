package io.actionflow.workflow;

import java.util.List;

/**
 * What started an execution, for its history: who (the operator; null for collection events and test runs), from where
 * ({@code source}: UI or API), the button (page, block, button ids; null for an API call) and the records it ran for.
 */
public record ExecutionOrigin(String operator, String source, Long pageId, Long blockId, Long buttonId, List<Long> recordIds,
        String label) {

    public static final ExecutionOrigin NONE = new ExecutionOrigin(null, null, null, null, null, List.of(), null);

    public ExecutionOrigin(String operator, String source, Long pageId, Long blockId, Long buttonId, List<Long> recordIds) {
        this(operator, source, pageId, blockId, buttonId, recordIds, null);
    }

    public ExecutionOrigin {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    }

    /** The same origin, for one of its records. */
    public ExecutionOrigin forRecords(List<Long> ids) {
        return new ExecutionOrigin(operator, source, pageId, blockId, buttonId, ids, label);
    }
}
