package io.actionflow.pages;

import io.actionflow.dispatch.WorkflowBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A button's bindings as stored: {@code [{"workflowKey": "wf_…", "associationPath": "customer"}, …]}. */
final class BindingsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BindingsJson() {
    }

    static List<WorkflowBinding> read(String text) {
        var bindings = new ArrayList<WorkflowBinding>();
        try {
            if (JSON.readValue(text == null || text.isBlank() ? "[]" : text, Object.class) instanceof List<?> list) {
                for (Object entry : list) {
                    if (entry instanceof Map<?, ?> map && map.get("workflowKey") instanceof String key) {
                        bindings.add(new WorkflowBinding(key, map.get("associationPath") instanceof String path && !path.isBlank() ? path : null));
                    }
                }
            }
        } catch (JacksonException e) {
            return List.of();
        }
        return List.copyOf(bindings);
    }

    static String write(List<WorkflowBinding> bindings) {
        var list = new ArrayList<Map<String, Object>>();
        for (WorkflowBinding binding : bindings) {
            var map = new LinkedHashMap<String, Object>();
            map.put("workflowKey", binding.workflowKey());
            if (binding.associationPath() != null) {
                map.put("associationPath", binding.associationPath());
            }
            list.add(map);
        }
        return JSON.writeValueAsString(list);
    }
}
