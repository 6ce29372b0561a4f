package io.actionflow.workflow.ui;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.engine.NodeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variables a node's settings may use at one place of a workflow, named for an admin: the trigger's context (the
 * record's fields by title, the operator, the action), the results of the nodes certain to have run before that place,
 * the items of the loops around it, and system values.
 */
final class Variables {

    /** A variable: what an admin reads, and the path a setting holds ({@code $context.data.amount}). */
    record Variable(String label, String path) {

        /** As a setting holds it: {@code {{$context.data.amount}}}. */
        String template() {
            return "{{" + path + "}}";
        }
    }

    /** Variables under one heading: the record, the operator, one earlier node, a loop, the system. */
    record Group(String label, List<Variable> variables) {
    }

    /** The nodes certain to have run before a place, and the loops whose body holds it. */
    record Reach(List<NodeDef> earlier, List<NodeDef> loops) {
    }

    private final CollectionService collections;
    private final Function<String, String> text;

    private Variables(CollectionService collections, Function<String, String> text) {
        this.collections = collections;
        this.text = text;
    }

    /** What the trigger gives every node of the workflow: its context and the system values. */
    static List<Group> ofTrigger(TriggerType trigger, Map<String, Object> config, CollectionService collections,
            Function<String, String> text) {
        return new Variables(collections, text).groups(trigger, config, new Reach(List.of(), List.of()));
    }

    /** What a node at this place may use: the trigger's variables and those of the nodes that ran before it. */
    static List<Group> at(WorkflowDefinition workflow, Reach reach, CollectionService collections, Function<String, String> text) {
        return new Variables(collections, text).groups(workflow.triggerType(), workflow.triggerConfig(), reach);
    }

    /**
     * The place of a node to insert into {@code parentKey}'s {@code branch} at {@code index} (a null parent: the main
     * chain): the earlier nodes of its chain and of each enclosing chain, and the enclosing nodes themselves.
     */
    static Reach reach(List<NodeDef> chain, String parentKey, String branch, int index) {
        var earlier = new ArrayList<NodeDef>();
        var loops = new ArrayList<NodeDef>();
        return collect(chain, parentKey, branch, index, earlier, loops) ? new Reach(earlier, loops) : new Reach(List.of(), List.of());
    }

    /** The place of an existing node: what runs before it. */
    static Reach reachOf(List<NodeDef> chain, String key) {
        return locate(chain, null, null, key).map(p -> reach(chain, p.parent(), p.branch(), p.index()))
                .orElse(new Reach(List.of(), List.of()));
    }

    private record Place(String parent, String branch, int index) {
    }

    private static Optional<Place> locate(List<NodeDef> chain, String parent, String branch, String key) {
        for (int i = 0; i < chain.size(); i++) {
            NodeDef node = chain.get(i);
            if (node.key().equals(key)) {
                return Optional.of(new Place(parent, branch, i));
            }
            for (String name : node.branches().keySet()) {
                var found = locate(node.branch(name), node.key(), name, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean collect(List<NodeDef> chain, String parentKey, String branch, int index, List<NodeDef> earlier,
            List<NodeDef> loops) {
        if (parentKey == null) {
            earlier.addAll(chain.subList(0, Math.max(0, Math.min(index, chain.size()))));
            return true;
        }
        for (int i = 0; i < chain.size(); i++) {
            NodeDef node = chain.get(i);
            if (node.key().equals(parentKey)) {
                earlier.addAll(chain.subList(0, i + 1));
                if ("loop".equals(node.type())) {
                    loops.add(node);
                }
                var inner = node.branch(branch);
                earlier.addAll(inner.subList(0, Math.max(0, Math.min(index, inner.size()))));
                return true;
            }
            for (String name : node.branches().keySet()) {
                int mark = earlier.size();
                earlier.addAll(chain.subList(0, i + 1));
                if ("loop".equals(node.type()) && "body".equals(name)) {
                    loops.add(node);
                }
                if (collect(node.branch(name), parentKey, branch, index, earlier, loops)) {
                    return true;
                }
                earlier.subList(mark, earlier.size()).clear();
                loops.remove(node);
            }
        }
        return false;
    }

    private List<Group> groups(TriggerType trigger, Map<String, Object> config, Reach reach) {
        var groups = new ArrayList<Group>();
        var collection = config.get("collection") == null ? Optional.<CollectionDefinition>empty()
                : collections.find(String.valueOf(config.get("collection")));
        boolean several = trigger == TriggerType.CUSTOM_ACTION && "multiple".equals(config.get("contextType"));
        boolean none = trigger == TriggerType.CUSTOM_ACTION && "none".equals(config.get("contextType"));
        if (several) {
            groups.add(new Group(text.apply("variables.records"), List.of(new Variable(text.apply("variables.records.all"), "$context.data"))));
        } else if (trigger == TriggerType.SCHEDULE && !"dateField".equals(config.get("mode")) || trigger == TriggerType.WEBHOOK) {
            // a fixed schedule and a webhook run on no record
        } else if (none) {
            groups.add(new Group(text.apply("variables.submitted"), List.of(new Variable(text.apply("variables.submitted.all"), "$context.data"))));
        } else {
            var record = new ArrayList<Variable>();
            collection.ifPresent(c -> record.addAll(fields(c, "$context.data", strings(config.get("appends")))));
            // a pre-action sees what the form submits: the rows of its sub-tables too
            if (trigger == TriggerType.PRE_ACTION) {
                collection.ifPresent(c -> submittedRows(c).forEach(field -> record.add(new Variable(
                        FieldLabels.of(c, field.name()) + " " + text.apply("variables.rows"), "$context.data." + field.name()))));
            }
            groups.add(new Group(collection.map(c -> text.apply("variables.record") + " · " + c.title()).orElse(text.apply("variables.record")), record));
        }
        if (trigger == TriggerType.SCHEDULE) {
            groups.add(new Group(text.apply("variables.schedule"), List.of(
                    new Variable(text.apply("variables.schedule.fireTime"), "$context.fireTime"),
                    new Variable(text.apply("variables.schedule.localTime"), "$context.localTime"),
                    new Variable(text.apply("variables.schedule.timeZone"), "$context.timeZone"),
                    new Variable(text.apply("variables.schedule.missed"), "$context.missed"))));
        } else if (trigger == TriggerType.WEBHOOK) {
            groups.add(new Group(text.apply("variables.webhook"), List.of(
                    new Variable(text.apply("variables.webhook.body"), "$context.body"),
                    new Variable(text.apply("variables.webhook.query"), "$context.query"),
                    new Variable(text.apply("variables.webhook.headers"), "$context.headers"),
                    new Variable(text.apply("variables.webhook.method"), "$context.method"),
                    new Variable(text.apply("variables.webhook.deliveryId"), "$context.deliveryId"),
                    new Variable(text.apply("variables.webhook.receivedAt"), "$context.receivedAt"))));
        } else if (trigger == TriggerType.COLLECTION) {
            var before = new ArrayList<Variable>();
            collection.ifPresent(c -> before.addAll(fields(c, "$context.previous", List.of())));
            before.add(new Variable(text.apply("variables.changed"), "$context.changed"));
            before.add(new Variable(text.apply("variables.event"), "$context.event"));
            groups.add(new Group(text.apply("variables.previous"), before));
        } else {
            groups.add(new Group(text.apply("variables.operator"), List.of(
                    new Variable(text.apply("variables.user.id"), "$context.user.id"),
                    new Variable(text.apply("variables.user.username"), "$context.user.username"),
                    new Variable(text.apply("variables.user.nickname"), "$context.user.nickname"),
                    new Variable(text.apply("variables.user.email"), "$context.user.email"),
                    new Variable(text.apply("variables.role"), "$context.role"),
                    new Variable(text.apply("variables.action"), "$context.action"))));
        }
        if (trigger == TriggerType.APPROVAL) {
            groups.add(new Group(text.apply("variables.approval"), List.of(new Variable(text.apply("variables.approval.id"), "$context.approval.id"))));
        }
        for (NodeDef node : reach.earlier()) {
            var results = results(node);
            if (!results.isEmpty()) {
                groups.add(new Group(text.apply("variables.node") + " " + named(node), results));
            }
        }
        for (NodeDef loop : reach.loops()) {
            var item = new ArrayList<Variable>();
            String base = "$scopes." + loop.key() + ".item";
            item.add(new Variable(text.apply("variables.loop.item"), base));
            // the fields of the item, when the list the loop walks is known: a sub-table's rows, or the records a query found
            walked(loop, trigger, config, collection, reach.earlier()).ifPresent(walk -> {
                for (FieldDefinition field : walk.collection().columnFields()) {
                    if (!field.name().equals(walk.skip())) {
                        item.add(new Variable(text.apply("variables.loop.item") + " › " + FieldLabels.of(walk.collection(), field.name()),
                                base + "." + field.name()));
                    }
                }
                if (walk.stored()) {
                    item.add(1, new Variable(text.apply("variables.loop.item") + " › " + text.apply("variables.id"), base + ".id"));
                }
            });
            item.add(new Variable(text.apply("variables.loop.index"), "$scopes." + loop.key() + ".index"));
            groups.add(new Group(text.apply("variables.loop") + " " + named(loop), item));
        }
        groups.add(new Group(text.apply("variables.system"), List.of(new Variable(text.apply("variables.now"), "$system.now"))));
        return groups;
    }

    /** The one-to-many fields of a collection: a form submits their rows as sub-tables. */
    private List<FieldDefinition> submittedRows(CollectionDefinition collection) {
        return collection.fields().stream().filter(f -> f.type() == FieldType.ONE_TO_MANY).toList();
    }

    /**
     * What a loop walks, when its settings tell: the collection of its items, the field to leave out (a row's link back
     * to the submitted record, which a new row does not hold yet), and whether the items are stored records with an id.
     */
    private record Walk(CollectionDefinition collection, String skip, boolean stored) {
    }

    private static final java.util.regex.Pattern LONE = java.util.regex.Pattern.compile("\\s*\\{\\{\\s*([^{}\\s]+)\\s*}}\\s*");

    private Optional<Walk> walked(NodeDef loop, TriggerType trigger, Map<String, Object> config,
            Optional<CollectionDefinition> collection, List<NodeDef> earlier) {
        var matcher = LONE.matcher(String.valueOf(loop.config().get("target")));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String path = matcher.group(1);
        if (path.startsWith("$context.data.") && collection.isPresent()) {
            String name = path.substring("$context.data.".length());
            boolean appended = strings(config.get("appends")).contains(name);
            if (trigger != TriggerType.PRE_ACTION && !appended) {
                return Optional.empty();
            }
            return collection.get().field(name).filter(f -> f.type() == FieldType.ONE_TO_MANY)
                    .flatMap(f -> collections.find(f.target()).map(target -> new Walk(target, f.inverseOf(), appended)));
        }
        if (path.startsWith("$jobsMapByNodeKey.")) {
            String key = path.substring("$jobsMapByNodeKey.".length());
            return earlier.stream().filter(n -> n.key().equals(key) && "query".equals(n.type())
                    && Boolean.parseBoolean(String.valueOf(n.config().get("multiple"))) && n.config().get("collection") != null)
                    .findFirst().flatMap(n -> collections.find(String.valueOf(n.config().get("collection"))))
                    .map(c -> new Walk(c, null, true));
        }
        return Optional.empty();
    }

    /** A node as the picker names it: its title, and always its key (what a variable holds). */
    static String named(NodeDef node) {
        return node.title() == null || node.title().isBlank() ? node.key() : node.title() + " (" + node.key() + ")";
    }

    /** The record's id and fields by title; of each to-one association preloaded, its fields; a to-many one as a list. */
    private List<Variable> fields(CollectionDefinition collection, String base, List<String> appends) {
        var found = new ArrayList<Variable>();
        found.add(new Variable(text.apply("variables.id"), base + ".id"));
        for (FieldDefinition field : collection.fields()) {
            if (field.type().hasColumn()) {
                found.add(new Variable(FieldLabels.of(collection, field.name()), base + "." + field.name()));
            }
        }
        for (String append : appends) {
            collection.field(append).ifPresent(relation -> {
                String title = FieldLabels.of(collection, relation.name());
                if (relation.type() == FieldType.ONE_TO_MANY) {
                    found.add(new Variable(title + " " + text.apply("variables.list"), base + "." + relation.name()));
                } else {
                    collections.find(relation.target()).ifPresent(target -> target.columnFields().forEach(f -> found.add(
                            new Variable(title + " › " + FieldLabels.of(target, f.name()), base + "." + relation.name() + "." + f.name()))));
                }
            });
        }
        return found;
    }

    /** What a node gives the nodes after it, as far as its settings tell. */
    private List<Variable> results(NodeDef node) {
        String base = "$jobsMapByNodeKey." + node.key();
        var config = node.config();
        var known = config.get("collection") == null ? Optional.<CollectionDefinition>empty()
                : collections.find(String.valueOf(config.get("collection")));
        return switch (node.type()) {
            case "query" -> Boolean.parseBoolean(String.valueOf(config.get("multiple")))
                    ? List.of(new Variable(text.apply("variables.result.list"), base))
                    : known.map(c -> fields(c, base, List.of())).orElse(List.of(new Variable(text.apply("variables.result"), base)));
            case "create" -> known.map(c -> fields(c, base, List.of())).orElse(List.of(new Variable(text.apply("variables.result"), base)));
            case "update", "destroy" -> List.of(new Variable(text.apply("variables.result.count"), base + ".count"));
            case "calculation", "response-message", "update-submitted" -> List.of(new Variable(text.apply("variables.result"), base));
            case "condition" -> List.of(new Variable(text.apply("variables.result.holds"), base + ".result"));
            case "request" -> List.of(new Variable(text.apply("variables.result.status"), base + ".status"),
                    new Variable(text.apply("variables.result.body"), base + ".body"));
            case "email" -> List.of(new Variable(text.apply("variables.result.recipients"), base + ".to"),
                    new Variable(text.apply("variables.result.subject"), base + ".subject"));
            case "manual" -> manual(node, base);
            case "switch" -> List.of(new Variable(text.apply("variables.result.case"), base + ".case"));
            case "approval" -> List.of(new Variable(text.apply("variables.result.decision"), base + ".decision"),
                    new Variable(text.apply("variables.result.data"), base + ".data"));
            default -> List.of();
        };
    }

    /** A Manual task's submitted values, by the labels the form gives them; who submitted, and how the wait ended. */
    private List<Variable> manual(NodeDef node, String base) {
        var found = new ArrayList<Variable>();
        var collection = node.config().get("collection") == null ? null : collections.find(String.valueOf(node.config().get("collection"))).orElse(null);
        if (node.config().get("fields") instanceof List<?> fields) {
            for (Object item : fields) {
                if (item instanceof Map<?, ?> field && field.get("name") != null) {
                    String name = String.valueOf(field.get("name"));
                    String label = field.get("title") != null ? String.valueOf(field.get("title"))
                            : collection != null && collection.field(name).isPresent() ? FieldLabels.of(collection, name) : name;
                    found.add(new Variable(label, base + ".values." + name));
                }
            }
        }
        found.add(new Variable(text.apply("variables.result.submittedBy"), base + ".by"));
        found.add(new Variable(text.apply("variables.result.outcome"), base + ".outcome"));
        return found;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
