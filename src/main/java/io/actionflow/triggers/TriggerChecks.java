package io.actionflow.triggers;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Roles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What is wrong with a trigger configuration, per type, checked against the collections and fields it names. */
@Component
public class TriggerChecks {

    private static final Set<String> CONTEXT_TYPES = Set.of("none", "single", "multiple");

    private final CollectionService collections;
    private final Roles roles;
    private final Clock clock;

    TriggerChecks(CollectionService collections, Roles roles, Clock clock) {
        this.collections = collections;
        this.roles = roles;
        this.clock = clock;
    }

    /** The problems, one per setting; empty when the configuration may be saved. */
    public List<FieldError> check(TriggerType type, Map<String, Object> raw, boolean synchronous) {
        Map<String, Object> config = raw == null ? Map.of() : raw;
        var errors = new ArrayList<FieldError>();
        if (type == TriggerType.CUSTOM_ACTION && config.get("contextType") != null
                && !CONTEXT_TYPES.contains(String.valueOf(config.get("contextType")))) {
            errors.add(FieldError.of("contextType", "workflow.contextType.invalid"));
        }
        TriggerConfig trigger = TriggerConfig.read(type, config);
        CollectionDefinition collection = null;
        boolean needsCollection = switch (trigger) {
            case TriggerConfig.CustomAction custom -> custom.contextType() != TriggerConfig.ContextType.NONE;
            case TriggerConfig.Schedule schedule -> schedule.onDateField();
            case TriggerConfig.Webhook webhook -> false;
            default -> true;
        };
        if (needsCollection && trigger.collection() == null) {
            errors.add(FieldError.of("collection", "validation.required"));
        } else if (trigger.collection() != null) {
            collection = collections.find(trigger.collection()).orElse(null);
            if (collection == null) {
                errors.add(FieldError.of("collection", "collection.notFound", trigger.collection()));
            }
        }
        switch (trigger) {
            case TriggerConfig.PreAction pre -> {
                if (pre.global() && pre.actions().isEmpty()) {
                    errors.add(FieldError.of("actions", "trigger.actions.required"));
                }
            }
            case TriggerConfig.PostAction post -> {
                if (post.global() && post.actions().isEmpty()) {
                    errors.add(FieldError.of("actions", "trigger.actions.required"));
                }
                if (post.actions().contains(TriggerConfig.DataAction.DESTROY)) {
                    errors.add(FieldError.of("actions", "trigger.postAction.noDestroy"));
                }
                checkAppends(collection, post.appends(), errors);
            }
            case TriggerConfig.CustomAction custom -> {
                checkAppends(collection, custom.appends(), errors);
                checkRoles(custom.roles(), errors);
            }
            case TriggerConfig.CollectionEvent event -> {
                if (event.on().isEmpty()) {
                    errors.add(FieldError.of("on", "trigger.on.required"));
                }
                if (collection != null) {
                    for (String field : event.changedFields()) {
                        if (collection.field(field).isEmpty()) {
                            errors.add(FieldError.of("changedFields", "trigger.field.unknown", field, collection.title()));
                        }
                    }
                }
            }
            case TriggerConfig.Approval approval -> {
                checkAppends(collection, approval.appends(), errors);
                if (synchronous) {
                    errors.add(FieldError.of("synchronous", "workflow.approval.async"));
                }
                if (config.get("mode") != null && !java.util.Set.of("beforeSave", "afterSave").contains(String.valueOf(config.get("mode")))) {
                    errors.add(FieldError.of("mode", "trigger.approval.mode.invalid"));
                }
                if (approval.global() && approval.actions().isEmpty()) {
                    errors.add(FieldError.of("actions", "trigger.actions.required"));
                }
                if (approval.actions().contains(TriggerConfig.DataAction.DESTROY)) {
                    errors.add(FieldError.of("actions", "trigger.approval.noDestroy"));
                }
                checkRoles(approval.roles(), errors);
            }
            case TriggerConfig.Webhook webhook -> {
                if (config.get("auth") != null && !Set.of("hmac", "bearer").contains(String.valueOf(config.get("auth")))) {
                    errors.add(FieldError.of("auth", "trigger.webhook.auth"));
                }
                if (!Set.of("POST", "GET").containsAll(webhook.methods()) || !webhook.methods().contains("POST")) {
                    errors.add(FieldError.of("methods", "trigger.webhook.methods"));
                }
                Object rate = config.get("rate");
                if (rate != null && !(rate instanceof Integer n && n >= 1 && n <= 10_000)) {
                    errors.add(FieldError.of("rate", "trigger.webhook.rate"));
                }
                if (webhook.headers().size() > 20) {
                    errors.add(FieldError.of("headers", "trigger.webhook.headers.many"));
                }
                for (String header : webhook.headers()) {
                    if (!header.matches("[a-z0-9][a-z0-9-]{0,63}") || header.equals("authorization") || header.equals("cookie")) {
                        errors.add(FieldError.of("headers", "trigger.webhook.header", header));
                    }
                }
            }
            case TriggerConfig.Schedule schedule -> {
                errors.addAll(ScheduleTimes.problems(schedule.settings(), clock.instant()));
                if (schedule.onDateField() && collection != null) {
                    var field = schedule.field() == null ? null : collection.field(schedule.field()).orElse(null);
                    if (schedule.field() == null) {
                        errors.add(FieldError.of("field", "validation.required"));
                    } else if (field == null) {
                        errors.add(FieldError.of("field", "trigger.field.unknown", schedule.field(), collection.title()));
                    } else if (field.type() != FieldType.DATE && field.type() != FieldType.DATETIME) {
                        errors.add(FieldError.of("field", "trigger.schedule.notDate", field.title()));
                    }
                }
            }
        }
        return errors;
    }

    private void checkRoles(List<String> named, List<FieldError> errors) {
        for (String role : named) {
            if (!roles.exists(role)) {
                errors.add(FieldError.of("roles", "trigger.approval.role.unknown", role));
            }
        }
    }

    /** Associations to preload must be relations of the collection: to-one (a record) or to-many (its rows). */
    private static void checkAppends(CollectionDefinition collection, List<String> appends, List<FieldError> errors) {
        if (collection == null) {
            return;
        }
        for (String append : appends) {
            var field = collection.field(append).orElse(null);
            if (field == null || !field.type().isRelation()) {
                errors.add(FieldError.of("appends", "trigger.append.invalid", append, collection.title()));
            }
        }
    }

    /** The modes a trigger type allows: pre-action only synchronous, approval and schedule only asynchronous. */
    public static boolean forcedSynchronous(TriggerType type, boolean chosen) {
        return type == TriggerType.PRE_ACTION || type != TriggerType.APPROVAL && type != TriggerType.SCHEDULE && chosen;
    }
}
