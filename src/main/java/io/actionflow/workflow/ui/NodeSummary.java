package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.workflow.engine.NodeDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node's settings in one line for its card: "Orders · 2 conditions · sets Status", "POST https://…", "Success". */
final class NodeSummary {

    private static final int LONGEST = 72;

    private final CollectionService collections;
    private final io.actionflow.platform.Roles roles;
    private final Component translator;

    NodeSummary(CollectionService collections, io.actionflow.platform.Roles roles, Component translator) {
        this.collections = collections;
        this.roles = roles;
        this.translator = translator;
    }

    String of(NodeDef node) {
        Map<String, Object> config = node.config();
        var collection = Optional.ofNullable(config.get("collection")).map(String::valueOf)
                .map(name -> collections.find(name).map(CollectionDefinition::title).orElse(name));
        String summary = switch (node.type()) {
            case "condition", "calculation" -> text(config.get("expression"));
            case "loop" -> text(config.get("target"));
            case "query" -> join(collection.orElse(null), conditions(config),
                    t(Boolean.parseBoolean(String.valueOf(config.get("multiple"))) ? "summary.query.several" : "summary.query.one"));
            case "create" -> join(collection.orElse(null), sets(config, node));
            case "update" -> join(collection.orElse(null), conditions(config), sets(config, node));
            case "destroy" -> join(collection.orElse(null), conditions(config));
            case "update-submitted" -> sets(config, node);
            case "end" -> t("nodeSetting.status." + ("fail".equals(config.get("status")) ? "fail" : "success"));
            case "response-message" -> text(config.get("message"));
            case "webhook-response" -> join(text(config.getOrDefault("code", 200)),
                    config.get("body") instanceof Map<?, ?> body ? String.join(", ", body.keySet().stream().map(String::valueOf).toList()) : "");
            case "request" -> join(text(config.getOrDefault("method", "GET")), text(config.get("url")));
            case "delay" -> text(config.get("duration"));
            case "notification" -> text(config.get("title"));
            case "email" -> text(config.get("subject"));
            case "approval" -> approvers(config);
            case "manual" -> join(text(config.get("title")), fieldCount(config));
            case "switch" -> translator.getTranslation("summary.cases",
                    config.get("cases") instanceof List<?> cases ? cases.size() : 0);
            default -> "";
        };
        return summary.length() <= LONGEST ? summary : summary.substring(0, LONGEST - 1).strip() + "…";
    }

    private String fieldCount(Map<String, Object> config) {
        int count = config.get("fields") instanceof List<?> list ? list.size() : 0;
        return translator.getTranslation(count == 1 ? "summary.field" : "summary.fields", count);
    }

    private String conditions(Map<String, Object> config) {
        int count = config.get("filter") instanceof List<?> list ? list.size() : 0;
        return count == 0 ? "" : translator.getTranslation(count == 1 ? "summary.condition" : "summary.conditions", count);
    }

    /** The fields it writes, by title. */
    private String sets(Map<String, Object> config, NodeDef node) {
        if (!(config.get("values") instanceof Map<?, ?> values) || values.isEmpty()) {
            return "";
        }
        var definition = Optional.ofNullable(config.get("collection")).map(String::valueOf).flatMap(collections::find).orElse(null);
        var names = values.keySet().stream().map(String::valueOf).map(n -> FieldLabels.of(definition, n)).toList();
        return translator.getTranslation("summary.sets", String.join(", ", names));
    }

    private String approvers(Map<String, Object> config) {
        var parts = new java.util.ArrayList<String>();
        if (config.get("approvers") instanceof List<?> list && !list.isEmpty()) {
            parts.add(String.join(", ", list.stream().map(String::valueOf).toList()));
        }
        Object role = config.get("role");
        if (role != null && !String.valueOf(role).isBlank() && !"none".equals(role)) {
            parts.add(translator.getTranslation("summary.role", roles.label(String.valueOf(role), translator::getTranslation)));
        }
        if (config.get("approversFrom") != null) {
            parts.add(text(config.get("approversFrom")));
        }
        parts.add(t("nodeSetting.agreement." + config.getOrDefault("agreement", "any")));
        return join(parts.toArray(String[]::new));
    }

    private String t(String key) {
        return translator.getTranslation(key);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).replaceAll("\\s+", " ").strip();
    }

    private static String join(String... parts) {
        return String.join(" · ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
