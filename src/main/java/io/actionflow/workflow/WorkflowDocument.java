package io.actionflow.workflow;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.NodeRegistry;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow as one JSON document (what Export writes and Import reads): its key, settings and nodes. Reading it checks
 * its shape (an object, a known trigger type, nodes with keys and known types) before anything is kept.
 */
record WorkflowDocument(String key, WorkflowDraft draft, WorkflowGraph graph) {

    /** Reads a document; what is wrong with it refuses it whole, one message each. */
    static WorkflowDocument read(String document, WorkflowJson json, NodeRegistry registry) {
        Object parsed;
        try {
            parsed = json.read(document);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ValidationException(FieldError.of("document", "workflow.import.notJson", e.getOriginalMessage()));
        }
        if (!(parsed instanceof Map<?, ?> raw)) {
            throw new ValidationException(FieldError.of("document", "workflow.import.notObject"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        var problems = new ArrayList<FieldError>();
        TriggerType type = Arrays.stream(TriggerType.values())
                .filter(t -> t.name().equals(map.get("triggerType"))).findFirst().orElse(null);
        if (type == null) {
            problems.add(FieldError.of("triggerType", "workflow.import.triggerType", String.valueOf(map.get("triggerType"))));
        }
        if (map.get("triggerConfig") != null && !(map.get("triggerConfig") instanceof Map<?, ?>)) {
            problems.add(FieldError.of("triggerConfig", "workflow.import.triggerConfig"));
        }
        WorkflowGraph graph = null;
        if (!(map.getOrDefault("nodes", List.of()) instanceof List<?> nodes)) {
            problems.add(FieldError.of("nodes", "workflow.import.nodes"));
        } else {
            try {
                graph = json.readGraph(json.write(nodes));
                graph.all().stream().filter(n -> n.key() == null || n.type() == null || !n.key().matches("[\\w-]{1,64}"))
                        .findFirst().ifPresent(n -> problems.add(FieldError.of("nodes", "workflow.import.nodeKey", String.valueOf(n.key()))));
                graph.all().stream().filter(n -> n.type() != null && registry.find(n.type()).isEmpty())
                        .forEach(n -> problems.add(FieldError.of("nodes", "workflow.import.nodeType", n.key(), n.type())));
                var keys = new HashSet<String>();
                graph.all().stream().filter(n -> n.key() != null && !keys.add(n.key()))
                        .forEach(n -> problems.add(FieldError.of("nodes", "workflow.import.duplicateKey", n.key())));
            } catch (IllegalArgumentException e) {
                problems.add(FieldError.of("nodes", "workflow.import.nodes"));
            }
        }
        ValidationException.throwIfAny(problems);
        @SuppressWarnings("unchecked")
        var draft = new WorkflowDraft(String.valueOf(map.getOrDefault("title", "")), (String) map.get("description"), type,
                map.get("triggerConfig") instanceof Map<?, ?> config ? (Map<String, Object>) config : Map.of(),
                Boolean.TRUE.equals(map.get("synchronous")), map.get("retries") instanceof Number n ? n.intValue() : 0);
        String key = map.get("key") instanceof String k && k.matches("[a-zA-Z0-9_-]{1,64}") ? k
                : "wf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new WorkflowDocument(key, draft, graph);
    }
}
