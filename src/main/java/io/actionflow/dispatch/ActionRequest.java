package io.actionflow.dispatch;

import java.util.List;
import java.util.Map;

/**
 * Everything the dispatcher needs to know about one click or call: the action on a collection, the records it names
 * (several for a bulk delete), the submitted values, the workflows bound to it in order, and who asks.
 *
 * @param button the button clicked, or null for an API call
 */
public record ActionRequest(
        String collection,
        Action action,
        List<Long> recordIds,
        Map<String, Object> values,
        List<WorkflowBinding> bindings,
        String operator,
        String role,
        ActionSource source,
        ButtonReference button) {

    public ActionRequest {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }
}
