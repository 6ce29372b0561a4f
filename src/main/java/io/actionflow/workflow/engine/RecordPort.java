package io.actionflow.workflow.engine;

import java.util.List;
import java.util.Map;

/**
 * How record nodes reach the data: through the application's one write path, so validation and collection events
 * apply to workflow writes too. Records are maps: {@code id} and one entry per field.
 */
public interface RecordPort {

    /** A condition of a record node's filter: {@code field op value}, ops as in the table filter (eq, contains, gt, …). */
    record Condition(String field, String op, List<Object> values) {
    }

    record Sort(String field, boolean ascending) {
    }

    List<Map<String, Object>> find(String collection, List<Condition> filter, List<Sort> sorts, int limit);

    Map<String, Object> create(String collection, Map<String, Object> values);

    /** Changes every record the filter matches; returns how many. */
    int update(String collection, List<Condition> filter, Map<String, Object> values);

    /** Deletes every record the filter matches; returns how many. */
    int delete(String collection, List<Condition> filter);
}
