package io.actionflow.workflow;

import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Graphs, settings, contexts and job results as JSON documents in their columns. */
@Component
class WorkflowJson {

    private final JsonMapper json;

    /** A number with a fraction reads back with every digit it was written with (a double would round it, or make it Infinity). */
    WorkflowJson(JsonMapper json) {
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    Object read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return json.readValue(text, Object.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readMap(String text) {
        Object value = read(text);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    String writeGraph(WorkflowGraph graph) {
        return write(graph.chain().stream().map(WorkflowJson::node).toList());
    }

    WorkflowGraph readGraph(String text) {
        Object value = read(text);
        var chain = new ArrayList<NodeDef>();
        if (value instanceof List<?> list) {
            list.forEach(n -> chain.add(node(n)));
        }
        return new WorkflowGraph(chain);
    }

    private static Map<String, Object> node(NodeDef node) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", node.key());
        map.put("type", node.type());
        if (node.title() != null) {
            map.put("title", node.title());
        }
        map.put("config", node.config());
        if (!node.branches().isEmpty()) {
            var branches = new LinkedHashMap<String, Object>();
            node.branches().forEach((name, chain) -> branches.put(name, chain.stream().map(WorkflowJson::node).toList()));
            map.put("branches", branches);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static NodeDef node(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("A node must be a JSON object");
        }
        var branches = new LinkedHashMap<String, List<NodeDef>>();
        if (map.get("branches") instanceof Map<?, ?> named) {
            named.forEach((name, chain) -> {
                var nodes = new ArrayList<NodeDef>();
                if (chain instanceof List<?> list) {
                    list.forEach(n -> nodes.add(node(n)));
                }
                branches.put(String.valueOf(name), nodes);
            });
        }
        return new NodeDef(string(map.get("key")), string(map.get("type")), string(map.get("title")),
                map.get("config") instanceof Map<?, ?> config ? (Map<String, Object>) config : Map.of(), branches);
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
