package io.actionflow.dispatch;

import io.actionflow.access.Access;
import io.actionflow.access.Act;
import io.actionflow.access.Actor;
import io.actionflow.access.Denial;
import io.actionflow.access.Reach;
import io.actionflow.approval.HeldActions;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.TypedValues;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.EnabledWorkflow;
import io.actionflow.workflow.WorkflowDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path of every click and API call (architecture.md, "The one path of a click"). Before anything runs it
 * reads the submitted values into their types ({@link TypedValues}: every rule sees what the write will store) and
 * asks {@link Access} whether the caller may do what the request asks, on every record it names or reaches. Then, in
 * one transaction, in this order: pre-action workflows ({@link PreActionTrigger}; a block or a stop ends the request
 * with nothing written), the action through {@link RecordService} or its hold for approval ({@link ApprovalTrigger}),
 * post-action workflows ({@link PostActionTrigger}; a synchronous failure rolls the whole action back, asynchronous
 * ones start after commit). A Trigger workflow button runs its custom actions instead ({@link CustomActionTrigger}).
 * Each trigger names the records its workflows are given; nothing runs until the caller is found to reach them all.
 */
@Service
public class ActionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final TypedValues typed;
    private final CollectionService collections;
    private final WorkflowDirectory directory;
    private final TransactionTemplate transaction;
    private final Access access;
    private final DispatchMetrics metrics;
    private final PreActionTrigger preAction;
    private final PostActionTrigger postAction;
    private final ApprovalTrigger approval;
    private final CustomActionTrigger customAction;
    private final ActionWrite action;
    private final NestedRules nestedRules;

    ActionDispatcher(TypedValues typed, CollectionService collections, WorkflowDirectory directory,
            TransactionTemplate transaction, Access access, DispatchMetrics metrics, PreActionTrigger preAction,
            PostActionTrigger postAction, ApprovalTrigger approval, CustomActionTrigger customAction, ActionWrite action,
            NestedRules nestedRules) {
        this.typed = typed;
        this.collections = collections;
        this.directory = directory;
        this.transaction = transaction;
        this.access = access;
        this.metrics = metrics;
        this.preAction = preAction;
        this.postAction = postAction;
        this.approval = approval;
        this.customAction = customAction;
        this.action = action;
        this.nestedRules = nestedRules;
    }

    /** The plan a request would run, without running it (the Bind workflows dialog shows it). */
    public DispatchPlan plan(Action action, String collection, List<WorkflowBinding> bindings) {
        return DispatchPlan.of(action, collection, bindings, directory.enabled(), directory::enabled,
                (from, path) -> from == null ? null : collections.find(from).flatMap(c -> c.field(path))
                        .filter(f -> f.type() == FieldType.MANY_TO_ONE).map(f -> f.target()).orElse(null));
    }

    /**
     * The enabled workflows a button may bind: of a type the action supports, on the block's collection (custom actions
     * also by where the button sits: {@code contextType}), and post-action workflows on a collection that a to-one
     * relation of it points to, through that relation ({@link Bindable#associationPath}).
     */
    public List<Bindable> bindable(Action action, String collection, TriggerConfig.ContextType contextType) {
        var bindable = new ArrayList<Bindable>();
        var definition = collection == null ? null : collections.find(collection).orElse(null);
        for (var workflow : directory.enabled()) {
            if (!SupportMatrix.supports(action, workflow.type())) {
                continue;
            }
            if (workflow.trigger() instanceof TriggerConfig.CustomAction custom) {
                if (custom.contextType() == contextType && (custom.collection() == null || custom.collection().equals(collection))) {
                    bindable.add(new Bindable(workflow, null));
                }
            } else if (Objects.equals(workflow.trigger().collection(), collection)) {
                bindable.add(new Bindable(workflow, null));
            } else if (workflow.type() == TriggerType.POST_ACTION && definition != null) {
                definition.fields().stream()
                        .filter(f -> f.type() == FieldType.MANY_TO_ONE && f.target().equals(workflow.trigger().collection()))
                        .forEach(f -> bindable.add(new Bindable(workflow, f.name())));
            }
        }
        return bindable;
    }

    /** A workflow a button may bind, directly or through a to-one relation. */
    public record Bindable(EnabledWorkflow workflow, String associationPath) {
    }

    /** An enabled workflow by key, or empty when it is disabled or gone. */
    public Optional<EnabledWorkflow> enabled(String key) {
        return directory.enabled(key);
    }

    public ActionResult dispatch(ActionRequest request) {
        long started = System.nanoTime();
        ActionResult result = null;
        try {
            result = decide(request);
            return result;
        } finally {
            metrics.dispatched(request, result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private ActionResult decide(ActionRequest asked) {
        var actor = access.actor(asked.operator(), asked.role());
        var planned = plan(asked.action(), asked.collection(), asked.bindings());
        var request = onItsCollection(asked, planned);
        if (request == null) {
            return Failures.blocked("dispatch.trigger.collections");
        }
        var denied = refusal(actor, actionReach(request));
        if (denied.isPresent()) {
            // refused before anything runs: no workflow, no write
            return denied.get();
        }
        if (planned.refusal().isPresent()) {
            var refusal = planned.refusal().get().text("dispatch.incompatible", Text.of(actionKey(asked.action())));
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, refusal.key(), refusal.args().toArray())));
        }
        Map<String, Object> values;
        try {
            values = submitted(request, planned);
        } catch (ValidationException unreadable) {
            return new ActionResult.Invalid(unreadable.errors(), List.of());
        }
        if (request.action() == Action.CREATE || request.action() == Action.UPDATE) {
            var nested = access.checkWrite(actor, request.collection(), request.action() == Action.CREATE ? Act.CREATE : Act.UPDATE,
                    request.recordIds(), values);
            if (nested.isPresent()) {
                return refused(nested.get());
            }
            var skipped = nestedRules.refusal(request.collection(), request.action() == Action.UPDATE ? request.recordIds() : List.of(),
                    values, request.role());
            if (skipped.isPresent()) {
                return skipped.get();
            }
        }
        if (request.action() != Action.CREATE && request.action() != Action.TRIGGER && request.recordIds().isEmpty()) {
            return Failures.blocked("dispatch.noRecord");
        }
        var approvals = ApprovalTrigger.forRole(planned, request.role());
        var notForApproval = ApprovalTrigger.refusal(approvals, request.role());
        if (notForApproval.isPresent()) {
            return notForApproval.get();
        }
        var plan = planned.withApproval(approvals);
        var click = Click.of(request, actor);
        try {
            return transaction.execute(status -> {
                ActionResult result = request.action() == Action.TRIGGER ? trigger(click, plan, values) : act(click, plan, values);
                if (!(result instanceof ActionResult.Done) && !(result instanceof ActionResult.Stopped)
                        && !(result instanceof ActionResult.Held)) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (CollectionEventTrigger.Refused refused) {
            return new ActionResult.Blocked(refused.messages());
        } catch (ValidationException refused) {
            return new ActionResult.Invalid(refused.errors(), List.of());
        } catch (NotFoundException missing) {
            return new ActionResult.NotFound(List.of(
                    Message.key(Message.Level.ERROR, missing.messageKey(), missing.args().toArray())));
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException failed) {
            // the database refused a statement (a race on a unique value, a lost connection): nothing was written
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Dispatch {} failed (reference {})", request.action(), reference, failed);
            return Failures.blocked("dispatch.failed", reference);
        }
    }

    /**
     * A call that names workflows without a collection ({@code workflows:trigger}) runs on the collection they are
     * about, and is checked there as a Trigger workflow button on it would be; null when they name several.
     */
    private static ActionRequest onItsCollection(ActionRequest request, DispatchPlan plan) {
        if (request.collection() != null || request.action() != Action.TRIGGER) {
            return request;
        }
        var own = new ArrayList<String>();
        for (DispatchPlan.Step step : plan.inOrder()) {
            String collection = step.workflow().trigger().collection();
            if (collection != null && !own.contains(collection)) {
                own.add(collection);
            }
        }
        if (own.size() > 1) {
            return null;
        }
        return own.isEmpty() ? request : new ActionRequest(own.getFirst(), request.action(), request.recordIds(),
                request.values(), request.bindings(), request.operator(), request.role(), request.source(), request.button());
    }

    /** What the action itself asks: its right on the collection, the fields it sets, and the records it names. */
    private static Reach actionReach(ActionRequest request) {
        var act = switch (request.action()) {
            case CREATE -> Act.CREATE;
            case UPDATE -> Act.UPDATE;
            case DESTROY -> Act.DELETE;
            case TRIGGER -> Act.TRIGGER;
        };
        return new Reach(request.collection(), act, request.recordIds(),
                act == Act.TRIGGER ? List.of() : request.values().keySet(), Map.of());
    }

    /** Why the actor may not reach all of these; empty when they may. */
    private Optional<ActionResult> refusal(Actor actor, Reach... reaches) {
        return refusal(actor, List.of(reaches));
    }

    private Optional<ActionResult> refusal(Actor actor, List<Reach> reaches) {
        for (Reach reach : reaches) {
            if (reach.collection() == null) {
                continue;
            }
            var denial = access.check(actor, reach);
            if (denial.isPresent()) {
                return Optional.of(refused(denial.get()));
            }
        }
        return Optional.empty();
    }

    private static ActionResult refused(Denial denial) {
        var text = denial.text();
        var message = List.of(Message.key(Message.Level.ERROR, text.key(), text.args().toArray()));
        return denial.kind() == Denial.Kind.NOT_FOUND ? new ActionResult.NotFound(message) : new ActionResult.Forbidden(message);
    }

    /**
     * The submitted values as the write will store them. The body never says which record runs: an {@code id} is
     * refused unless it is the one record the request names.
     */
    private Map<String, Object> submitted(ActionRequest request, DispatchPlan plan) {
        if (request.collection() == null || request.values().isEmpty() || request.action() == Action.TRIGGER
                && plan.inOrder().stream().noneMatch(s -> s.workflow().trigger() instanceof TriggerConfig.CustomAction custom
                        && custom.contextType() == TriggerConfig.ContextType.SINGLE)) {
            // a workflow on no record (or on the selected ones) takes values that are no record's
            return new LinkedHashMap<>(request.values());
        }
        var values = new LinkedHashMap<>(request.values());
        if (request.recordIds().size() == 1 && values.containsKey("id")
                && Objects.equals(String.valueOf(values.get("id")).strip(), String.valueOf(request.recordIds().getFirst()))) {
            values.remove("id");
        }
        return typed.read(request.collection(), values);
    }

    /** A Trigger workflow button: its custom actions, once the caller is found to reach what each is given. */
    private ActionResult trigger(Click click, DispatchPlan plan, Map<String, Object> values) {
        return switch (customAction.prepare(click, plan, values)) {
            case CustomActionTrigger.Preparation.Refused refused -> refused.result();
            case CustomActionTrigger.Preparation.Ready ready -> refusal(click.actor(),
                    ready.steps().stream().flatMap(s -> s.reaches().stream()).toList())
                    .orElseGet(() -> customAction.run(click, ready.steps()));
        };
    }

    /** Create, update or delete: pre-action workflows, then the action or its hold for approval, then post-action ones. */
    private ActionResult act(Click click, DispatchPlan plan, Map<String, Object> submitted) {
        if (click.action() == Action.UPDATE || click.action() == Action.DESTROY) {
            var locked = approval.locked(click.collection(), click.recordIds());
            if (!locked.isEmpty()) {
                return Failures.blocked("dispatch.locked", String.join(", ", locked.stream().map(String::valueOf).toList()));
            }
        }
        var messages = new ArrayList<Message>();
        Map<String, Object> values;
        switch (preAction.run(click, plan.preAction(), submitted, messages)) {
            case PreActionTrigger.Outcome.Ended ended -> {
                return ended.result();
            }
            case PreActionTrigger.Outcome.Proceed proceed -> values = proceed.values();
        }
        var held = approval.applying(click, plan.approval(), values).orElse(null);
        if (held != null && ApprovalTrigger.beforeSave(held)) {
            return approval.hold(click, held, values, messages);
        }
        var written = write(click, plan, values, messages);
        if (written instanceof ActionResult.Done done && held != null) {
            return approval.submit(click, held, done.records(), messages);
        }
        return written;
    }

    /** The action with these values, then its post-action workflows. */
    private ActionResult write(Click click, DispatchPlan plan, Map<String, Object> values, List<Message> messages) {
        var written = action.perform(click, values);
        var denied = refusal(click.actor(), postAction.reaches(click, plan, written));
        if (denied.isPresent()) {
            return denied.get();
        }
        return postAction.run(click, plan, written, messages);
    }

    /**
     * Writes a submission that a before-save approval held, now approved, as the click would have written it after
     * its pre-action workflows: the action, then the post-action workflows bound to it (and the global ones).
     */
    long release(String collection, String action, Long recordId, Map<String, Object> data, Map<String, Object> held) {
        var request = ApprovalTrigger.released(collection, action, recordId, data, held);
        var click = Click.of(request, access.actor(request.operator(), request.role()));
        ActionResult result;
        try {
            result = write(click, plan(request.action(), collection, request.bindings()), typed.read(collection, data),
                    new ArrayList<>());
        } catch (ValidationException refused) {
            throw new HeldActions.NotReleased(refused.errors().stream()
                    .map(e -> Text.of("approval.failed.field", e.field(), new Text(e.messageKey(), e.args())).encoded()).toList());
        } catch (CollectionEventTrigger.Refused refused) {
            result = new ActionResult.Blocked(refused.messages());
        }
        if (result instanceof ActionResult.Done done && !done.records().isEmpty()) {
            return done.records().getFirst().id();
        }
        throw new HeldActions.NotReleased(result.messages().stream()
                .map(m -> m.text() != null ? m.text() : new Text(m.key(), m.args()).encoded()).toList());
    }

    private static String actionKey(Action action) {
        return "action.name." + action.name().toLowerCase(Locale.ROOT);
    }
}
