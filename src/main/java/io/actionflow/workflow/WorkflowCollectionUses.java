package io.actionflow.workflow;

import io.actionflow.collections.CollectionUses;
import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enabled workflows that use a collection: it is not deleted while they would start from it, and a field or
 * select option they name is not renamed or removed while they would fail on every click without it.
 */
@Component
class WorkflowCollectionUses implements CollectionUses {

    /** The node types that write the values of their {@code values} setting into records of a collection. */
    private static final List<String> WRITERS = List.of("create", "update", "update-submitted");

    private final WorkflowRepository workflows;
    private final WorkflowJson json;

    WorkflowCollectionUses(WorkflowRepository workflows, WorkflowJson json) {
        this.workflows = workflows;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> of(String collection) {
        return workflows.findByEnabledTrueOrderByTitleAscKeyAsc().stream()
                .filter(w -> collection.equals(json.readMap(w.getTriggerConfig()).get("collection")))
                .map(w -> Text.of("collection.use.workflow", w.getTitle())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> ofField(String collection, String field) {
        var places = new ArrayList<Text>();
        var submitted = Pattern.compile("\\$context\\.data\\." + Pattern.quote(field) + "\\b");
        for (var workflow : workflows.findByEnabledTrueOrderByTitleAscKeyAsc()) {
            var trigger = json.readMap(workflow.getTriggerConfig());
            boolean ownCollection = collection.equals(trigger.get("collection"));
            if (ownCollection && (names(trigger.get("changedFields"), field) || names(trigger.get("appends"), field)
                    || mentions(trigger.get("condition"), submitted))) {
                places.add(Text.of("collection.use.workflow", workflow.getTitle()));
                continue;
            }
            json.readGraph(workflow.getNodes()).all().stream()
                    .filter(node -> ownCollection && (mentions(node.config(), submitted) || names(node.config().get("editableFields"), field))
                            || writesTo(node, collection, ownCollection) && namesField(node, field))
                    .findFirst()
                    .ifPresent(node -> places.add(Text.of("collection.use.workflowNode", workflow.getTitle(), title(node))));
        }
        return places;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> ofOption(String collection, String field, String option) {
        var places = new ArrayList<Text>();
        var submitted = Pattern.compile("\\$context\\.data\\." + Pattern.quote(field) + "\\b");
        var quoted = Pattern.compile("(['\"])" + Pattern.quote(option) + "\\1");
        for (var workflow : workflows.findByEnabledTrueOrderByTitleAscKeyAsc()) {
            var trigger = json.readMap(workflow.getTriggerConfig());
            boolean ownCollection = collection.equals(trigger.get("collection"));
            var nodes = json.readGraph(workflow.getNodes()).all();
            nodes.stream()
                    .filter(node -> WRITERS.contains(node.type()) && writesTo(node, collection, ownCollection)
                            && node.config().get("values") instanceof Map<?, ?> values
                            && values.get(field) instanceof String value && value.strip().equals(option))
                    .findFirst()
                    .ifPresent(node -> places.add(Text.of("collection.use.writesOption", workflow.getTitle(), title(node))));
            // a rule that compares the field with the option would never hold again: as silent as a failure
            if (!ownCollection) {
                continue;
            }
            if (compares(trigger.get("condition"), submitted, quoted)) {
                places.add(Text.of("collection.use.triggerComparesOption", workflow.getTitle()));
            }
            nodes.stream().filter(node -> compares(node.config(), submitted, quoted)).findFirst()
                    .ifPresent(node -> places.add(Text.of("collection.use.comparesOption", workflow.getTitle(), title(node))));
        }
        return places;
    }

    /** Whether a setting, or a text inside it, reads the submitted field and names the option in quotes. */
    private static boolean compares(Object setting, Pattern submitted, Pattern quoted) {
        return switch (setting) {
            case String text -> submitted.matcher(text).find() && quoted.matcher(text).find();
            case Map<?, ?> map -> map.values().stream().anyMatch(v -> compares(v, submitted, quoted));
            case Collection<?> list -> list.stream().anyMatch(v -> compares(v, submitted, quoted));
            case null, default -> false;
        };
    }

    /** A node of the collection: one that names it, or one that acts on the submitted record of a workflow on it. */
    private static boolean writesTo(NodeDef node, String collection, boolean ownCollection) {
        Object named = node.config().get("collection");
        return named == null ? ownCollection && "update-submitted".equals(node.type()) : collection.equals(String.valueOf(named).strip());
    }

    /** A record node whose filter, sort or values name the field. */
    private static boolean namesField(NodeDef node, String field) {
        var config = node.config();
        return config.get("values") instanceof Map<?, ?> values && values.containsKey(field)
                || rowsName(config.get("filter"), field) || rowsName(config.get("sort"), field);
    }

    private static boolean rowsName(Object rows, String field) {
        return rows instanceof Collection<?> list && list.stream()
                .anyMatch(row -> row instanceof Map<?, ?> map && map.get("field") != null && field.equals(String.valueOf(map.get("field")).strip()));
    }

    private static boolean names(Object list, String field) {
        return list instanceof Collection<?> names && names.stream().anyMatch(n -> field.equals(Objects.toString(n)));
    }

    /** Whether a setting, or any text inside it, reads the submitted field. */
    private static boolean mentions(Object setting, Pattern submitted) {
        return switch (setting) {
            case String text -> submitted.matcher(text).find();
            case Map<?, ?> map -> map.values().stream().anyMatch(v -> mentions(v, submitted));
            case Collection<?> list -> list.stream().anyMatch(v -> mentions(v, submitted));
            case null, default -> false;
        };
    }

    private static String title(NodeDef node) {
        return node.title() == null || node.title().isBlank() ? node.key() : node.title();
    }
}
