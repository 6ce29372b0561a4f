package io.actionflow.triggers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a workflow's trigger is set to, read from its configuration document. Reading is lenient (defaults for what is
 * missing); {@link TriggerChecks} says what is wrong before a configuration is saved.
 */
public sealed interface TriggerConfig {

    /** The collection it is about, or null (a custom action without context). */
    String collection();

    /** The data actions, by name as the HTTP API names them. */
    enum DataAction {
        CREATE, UPDATE, DESTROY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a custom action runs on. */
    enum ContextType {
        NONE, SINGLE, MULTIPLE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The changes a collection event fires on. */
    enum Change {
        CREATED, UPDATED, DELETED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Runs before the action; local (only where bound) or global (every action of {@code actions} on the collection). */
    record PreAction(String collection, boolean global, Set<DataAction> actions) implements TriggerConfig {
        public boolean appliesGlobally(DataAction action) {
            return global && actions.contains(action);
        }
    }

    /** Runs after the action succeeded, with to-one associations preloaded ({@code appends}). */
    record PostAction(String collection, boolean global, Set<DataAction> actions, List<String> appends) implements TriggerConfig {
        public boolean appliesGlobally(DataAction action) {
            return global && actions.contains(action);
        }
    }

    /**
     * Runs when a Trigger workflow button is clicked: on no record, one, or the selected ones. One on no record is
     * run only by admins and the {@code roles} it names (one on records, by whoever may run custom actions on them).
     */
    record CustomAction(ContextType contextType, String collection, List<String> appends, List<String> roles) implements TriggerConfig {
    }

    /** Runs on any change of the collection, optionally only when chosen fields changed or a condition holds. */
    record CollectionEvent(String collection, Set<Change> on, List<String> changedFields, String condition) implements TriggerConfig {
    }

    /**
     * Holds a submission for approval before it is saved, or locks a saved record while approval is pending; only for
     * submitters with one of {@code roles} (all when empty), and only when {@code condition} holds (always when null).
     */
    record Approval(String collection, boolean beforeSave, List<String> roles, String condition, boolean global,
            Set<DataAction> actions, List<String> appends) implements TriggerConfig {

        /** Whether it applies to every {@code action} on its collection, whatever button or call started it. */
        public boolean appliesGlobally(DataAction action) {
            return global && actions.contains(action);
        }

        /** Whether it applies to what this role submits: a global approval holds only the roles it names (all when none). */
        public boolean appliesTo(String role) {
            return roles.isEmpty() || roles.contains(role);
        }
    }

    /**
     * Runs at times: fixed ones ({@link ScheduleTimes} reads the repeat, time zone, start, end and limit), or for every
     * record of {@code collection}, at the date in its field {@code field} moved by an offset. The rest of the settings
     * stay in {@code settings}, as saved.
     */
    record Schedule(String collection, boolean onDateField, String field, Map<String, Object> settings) implements TriggerConfig {
    }

    /**
     * Runs when another system calls {@code /api/webhooks/<key>}: signed with the workflow's secret ({@code hmac}, a
     * signature over the timestamp and body) or carrying it ({@code bearer}); by the {@code methods} allowed (POST,
     * and GET when named), with the request's {@code headers} named here in its context;
     * at most {@code rate} calls a second (null: the server's default).
     */
    record Webhook(boolean hmac, Set<String> methods, List<String> headers, Integer rate) implements TriggerConfig {

        @Override
        public String collection() {
            return null;
        }
    }

    static TriggerConfig read(TriggerType type, Map<String, Object> raw) {
        Map<String, Object> config = raw == null ? Map.of() : raw;
        String collection = text(config.get("collection"));
        return switch (type) {
            case PRE_ACTION -> new PreAction(collection, bool(config.get("global")),
                    enums(config.get("actions"), DataAction.class));
            case POST_ACTION -> new PostAction(collection, bool(config.get("global")),
                    enums(config.get("actions"), DataAction.class), texts(config.get("appends")));
            case CUSTOM_ACTION -> new CustomAction(contextType(config.get("contextType")),
                    contextType(config.get("contextType")) == ContextType.NONE ? null : collection, texts(config.get("appends")),
                    texts(config.get("roles")));
            case COLLECTION -> new CollectionEvent(collection, enums(config.get("on"), Change.class),
                    texts(config.get("changedFields")), text(config.get("condition")));
            case APPROVAL -> new Approval(collection, !"afterSave".equals(config.get("mode")), texts(config.get("roles")),
                    text(config.get("condition")), bool(config.get("global")), enums(config.get("actions"), DataAction.class),
                    texts(config.get("appends")));
            case WEBHOOK -> new Webhook(!"bearer".equals(text(config.get("auth"))),
                    texts(config.get("methods")).isEmpty() ? Set.of("POST") : Set.copyOf(texts(config.get("methods")).stream()
                            .map(m -> m.toUpperCase(Locale.ROOT)).toList()),
                    texts(config.get("headers")).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                    config.get("rate") instanceof Integer rate ? rate : null);
            case SCHEDULE -> {
                boolean dated = "dateField".equals(text(config.get("mode")));
                yield new Schedule(dated ? collection : null, dated, dated ? text(config.get("field")) : null,
                        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config)));
            }
        };
    }

    private static ContextType contextType(Object value) {
        String text = text(value);
        for (ContextType type : ContextType.values()) {
            if (type.key().equals(text)) {
                return type;
            }
        }
        return ContextType.SINGLE;
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    private static boolean bool(Object value) {
        return Boolean.parseBoolean(String.valueOf(value));
    }

    static List<String> texts(Object value) {
        var texts = new ArrayList<String>();
        if (value instanceof List<?> list) {
            list.stream().map(TriggerConfig::text).filter(java.util.Objects::nonNull).forEach(texts::add);
        }
        return List.copyOf(texts);
    }

    private static <E extends Enum<E>> Set<E> enums(Object value, Class<E> type) {
        var set = new LinkedHashSet<E>();
        for (String name : texts(value)) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(name)) {
                    set.add(constant);
                }
            }
        }
        return Set.copyOf(set);
    }
}
