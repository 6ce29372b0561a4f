package io.actionflow.dispatch;

import io.actionflow.approval.ApprovalService;
import io.actionflow.approval.Submission;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.workflow.ExecutionOrigin;
import io.actionflow.workflow.RunOutcome;
import io.actionflow.workflow.WorkflowDirectory;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.platform.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path of every click and API call (architecture.md, "The one path of a click"). It plans the workflows
 * ({@link DispatchPlan}), then, in one transaction: runs pre-action workflows (a block or a stop ends the request with
 * nothing of the action written), performs the action through {@link RecordService}, runs synchronous post-action
 * workflows (a failure rolls the whole action back) and records the asynchronous ones, which start once the
 * transaction has committed, one after another in their configured order.
 */
@Service
public class ActionDispatcher {

    private final RecordService records;
    private final RecordQueries queries;
    private final CollectionService collections;
    private final WorkflowDirectory directory;
    private final WorkflowRunner runner;
    private final TransactionTemplate transaction;
    private final ApprovalService approvals;
    private final io.actionflow.access.Access access;

    private final DispatchMetrics metrics;

    ActionDispatcher(RecordService records, RecordQueries queries, CollectionService collections, WorkflowDirectory directory,
            WorkflowRunner runner, TransactionTemplate transaction, ApprovalService approvals,
            io.actionflow.access.Access access, DispatchMetrics metrics) {
        this.metrics = metrics;
        this.access = access;
        this.approvals = approvals;
        this.records = records;
        this.queries = queries;
        this.collections = collections;
        this.directory = directory;
        this.runner = runner;
        this.transaction = transaction;
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
            } else if (java.util.Objects.equals(workflow.trigger().collection(), collection)) {
                bindable.add(new Bindable(workflow, null));
            } else if (workflow.type() == io.actionflow.triggers.TriggerType.POST_ACTION && definition != null) {
                definition.fields().stream()
                        .filter(f -> f.type() == FieldType.MANY_TO_ONE && f.target().equals(workflow.trigger().collection()))
                        .forEach(f -> bindable.add(new Bindable(workflow, f.name())));
            }
        }
        return bindable;
    }

    /** A workflow a button may bind, directly or through a to-one relation. */
    public record Bindable(io.actionflow.workflow.EnabledWorkflow workflow, String associationPath) {
    }

    /** An enabled workflow by key, or empty when it is disabled or gone. */
    public java.util.Optional<io.actionflow.workflow.EnabledWorkflow> enabled(String key) {
        return directory.enabled(key);
    }

    public ActionResult dispatch(ActionRequest request) {
        long started = System.nanoTime();
        ActionResult result = null;
        try {
            result = decide(request);
            return result;
        } finally {
            metrics.dispatched(request, result, java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private ActionResult decide(ActionRequest request) {
        var actor = access.actor(request.operator(), request.role());
        var denial = denial(actor, request);
        if (denial.isPresent()) {
            // refused before anything runs: no workflow, no write
            var text = denial.get().text();
            var message = List.of(Message.key(Message.Level.ERROR, text.key(), text.args().toArray()));
            return denial.get().kind() == io.actionflow.access.Denial.Kind.NOT_FOUND
                    ? new ActionResult.NotFound(message) : new ActionResult.Forbidden(message);
        }
        var planned = plan(request.action(), request.collection(), request.bindings());
        if (planned.refusal().isPresent()) {
            var refusal = planned.refusal().get().text("dispatch.incompatible", Text.of(actionKey(request.action())));
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, refusal.key(), refusal.args().toArray())));
        }
        if (request.action() != Action.CREATE && request.action() != Action.TRIGGER && request.recordIds().isEmpty()) {
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.noRecord")));
        }
        // a global approval holds only what the roles it names submit; for the others it is as if it were not there
        var plan = planned.withApproval(planned.approval().stream().filter(s -> !s.global()
                || ((TriggerConfig.Approval) s.workflow().trigger()).appliesTo(request.role())).toList());
        if (plan.approval().size() > 1) {
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.approval.several",
                    String.join(", ", plan.approval().stream().map(s -> s.workflow().title()).toList()))));
        }
        if (!plan.approval().isEmpty()) {
            var trigger = (TriggerConfig.Approval) plan.approval().getFirst().workflow().trigger();
            if (!trigger.roles().isEmpty() && !trigger.roles().contains(request.role())) {
                return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.approval.notAllowed",
                        plan.approval().getFirst().workflow().title())));
            }
        }
        try {
            return transaction.execute(status -> {
                var user = user(actor);
                ActionResult result = request.action() == Action.TRIGGER ? custom(request, plan, user) : act(request, plan, user);
                if (!(result instanceof ActionResult.Done) && !(result instanceof ActionResult.Stopped)
                        && !(result instanceof ActionResult.Held)) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (CollectionEvents.Refused refused) {
            return new ActionResult.Blocked(refused.messages());
        } catch (ValidationException refused) {
            return new ActionResult.Invalid(refused.errors(), List.of());
        } catch (NotFoundException missing) {
            return new ActionResult.NotFound(List.of(
                    Message.key(Message.Level.ERROR, missing.messageKey(), missing.args().toArray())));
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException failed) {
            // the database refused a statement (a race on a unique value, a lost connection): nothing was written
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("Dispatch {} failed (reference {})", request.action(), reference, failed);
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.failed", reference)));
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ActionDispatcher.class);

    /**
     * What the actor's role does not allow in this request: the action on the collection, a field it sets, a record
     * outside its reach, or a record a nested to-one object would create in another collection.
     */
    private java.util.Optional<io.actionflow.access.Denial> denial(io.actionflow.access.Actor actor, ActionRequest request) {
        if (request.collection() == null) {
            return java.util.Optional.empty();
        }
        var act = switch (request.action()) {
            case CREATE -> io.actionflow.access.Act.CREATE;
            case UPDATE -> io.actionflow.access.Act.UPDATE;
            case DESTROY -> io.actionflow.access.Act.DELETE;
            case TRIGGER -> io.actionflow.access.Act.TRIGGER;
        };
        var fields = act == io.actionflow.access.Act.TRIGGER ? java.util.Set.<String>of() : request.values().keySet();
        var denial = access.check(actor, request.collection(), act, request.recordIds(), fields);
        if (denial.isPresent() || request.action() != Action.CREATE && request.action() != Action.UPDATE) {
            return denial;
        }
        return nestedDenial(actor, request.collection(), request.values(), 0,
                request.action() == Action.UPDATE ? request.recordIds() : List.of());
    }

    /**
     * Rows of a sub-table (a one-to-many field) are records of their own collection: new ones need its create
     * permission, changed ones its update permission and scope, and rows an update leaves out its delete permission.
     */
    private java.util.Optional<io.actionflow.access.Denial> rowsDenial(io.actionflow.access.Actor actor,
            io.actionflow.collections.CollectionDefinition definition, String name, List<?> rows, List<Long> parents) {
        var field = definition.field(name).filter(f -> f.type() == FieldType.ONE_TO_MANY).orElse(null);
        if (field == null) {
            return java.util.Optional.empty();
        }
        var kept = new java.util.HashSet<Long>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> values)) {
                continue;
            }
            var names = values.keySet().stream().map(String::valueOf)
                    .filter(n -> !n.equals("id") && !n.equals(field.inverseOf())).toList();
            Long id = values.get("id") instanceof Number n ? Long.valueOf(n.longValue()) : null;
            var denial = id == null
                    ? access.check(actor, field.target(), io.actionflow.access.Act.CREATE, List.of(), names)
                    : access.check(actor, field.target(), io.actionflow.access.Act.UPDATE, List.of(id), names);
            if (denial.isPresent()) {
                return denial;
            }
            if (id != null) {
                kept.add(id);
            }
        }
        for (long parent : parents) {
            var gone = queries.children(definition.name(), parent, field.name(), io.actionflow.collections.Visibility.ALL).stream()
                    .map(StoredRecord::id).filter(id -> !kept.contains(id)).toList();
            if (!gone.isEmpty()) {
                var denial = access.check(actor, field.target(), io.actionflow.access.Act.DELETE, gone, List.of());
                if (denial.isPresent()) {
                    return denial;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Nested to-one objects of a create are creates in their own collections, as deep as {@link #withNested} goes. */
    private java.util.Optional<io.actionflow.access.Denial> nestedDenial(io.actionflow.access.Actor actor, String collection,
            Map<?, ?> values, int depth, List<Long> parent) {
        var definition = collections.find(collection).orElse(null);
        if (definition == null || depth >= 3) {
            return java.util.Optional.empty();
        }
        for (var entry : values.entrySet()) {
            if (entry.getValue() instanceof List<?> rows) {
                var inner = rowsDenial(actor, definition, String.valueOf(entry.getKey()), rows, parent);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            if (entry.getValue() instanceof Map<?, ?> nested) {
                var field = definition.field(String.valueOf(entry.getKey())).filter(f -> f.type() == FieldType.MANY_TO_ONE).orElse(null);
                if (field != null) {
                    var names = nested.keySet().stream().map(String::valueOf).toList();
                    var inner = access.check(actor, field.target(), io.actionflow.access.Act.CREATE, List.of(), names)
                            .or(() -> nestedDenial(actor, field.target(), nested, depth + 1, List.of()));
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private ActionResult act(ActionRequest request, DispatchPlan plan, Map<String, Object> user) {
        var messages = new ArrayList<Message>();
        var origin = origin(request);
        if (request.action() == Action.UPDATE || request.action() == Action.DESTROY) {
            var locked = approvals.locked(request.collection(), request.recordIds());
            if (!locked.isEmpty()) {
                return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.locked",
                        String.join(", ", locked.stream().sorted().map(String::valueOf).toList()))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(request.values());
        for (DispatchPlan.Step step : plan.preAction()) {
            RunOutcome outcome = runner.runSync(step.workflow().id(), preActionContext(request, user, values), 0, origin);
            if (!outcome.resolved()) {
                return new ActionResult.Blocked(failure(outcome, messages));
            }
            if (outcome.submitted() != null) {
                values = new LinkedHashMap<>(outcome.submitted());
            }
            outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            if (outcome.stopped()) {
                return new ActionResult.Stopped(messages);
            }
        }
        DispatchPlan.Step approval = plan.approval().isEmpty() ? null : plan.approval().getFirst();
        if (approval != null && !applies((TriggerConfig.Approval) approval.workflow().trigger(), request, user, values)) {
            // the approval's condition does not hold for this submission: it is written as without approval
            approval = null;
        }
        if (approval != null && ((TriggerConfig.Approval) approval.workflow().trigger()).beforeSave()) {
            return hold(request, approval, values, user, origin, messages);
        }
        var written = write(request, plan, values, user, origin, messages);
        if (written instanceof ActionResult.Done done && approval != null) {
            // after save: the saved records wait for approval, locked against edits until it ends
            var submitted = new ArrayList<Long>();
            for (StoredRecord record : done.records()) {
                submitted.add(approvals.submit(new Submission(approval.workflow().id(), approval.workflow().key(),
                        requestTitle(approval, request.collection(), record.values()), request.collection(), actionName(request),
                        record.id(), false, withAppends(request.collection(), record, List.of()), held(request), request.operator(),
                        recordContext(request, user, approval, record), origin)).id());
            }
            messages.add(Message.key(Message.Level.SUCCESS, "dispatch.submittedForApproval"));
            return new ActionResult.Held(submitted, messages);
        }
        return written;
    }

    /** Whether an approval's condition holds for what was submitted (as after the pre-action workflows). */
    private boolean applies(TriggerConfig.Approval trigger, ActionRequest request, Map<String, Object> user, Map<String, Object> values) {
        if (trigger.condition() == null) {
            return true;
        }
        var context = userContext(request, user);
        var data = new LinkedHashMap<String, Object>();
        if (request.recordIds().size() == 1) {
            queries.get(request.collection(), request.recordIds().getFirst()).ifPresent(r -> {
                data.put("id", r.id());
                data.putAll(r.values());
            });
        }
        data.putAll(values);
        context.put("data", data);
        context.put("action", actionName(request));
        return runner.holds(trigger.condition(), context);
    }

    /**
     * Before save: nothing is written now. The submission (checked as the action would check it) is held with what is
     * needed to write it later, and the approval workflow is queued; one request per record of a bulk update.
     */
    private ActionResult hold(ActionRequest request, DispatchPlan.Step approval, Map<String, Object> values,
            Map<String, Object> user, ExecutionOrigin origin, List<Message> messages) {
        List<Long> targets = request.action() == Action.CREATE ? java.util.Collections.singletonList(null) : request.recordIds();
        var submitted = new ArrayList<Long>();
        for (Long recordId : targets) {
            records.check(request.collection(), recordId, values);
            var context = userContext(request, user);
            var data = new LinkedHashMap<String, Object>();
            if (recordId != null) {
                data.put("id", recordId);
            }
            data.putAll(values);
            context.put("data", data);
            context.put("action", actionName(request));
            context.put("collection", request.collection());
            submitted.add(approvals.submit(new Submission(approval.workflow().id(), approval.workflow().key(),
                    requestTitle(approval, request.collection(), values), request.collection(), actionName(request), recordId, true,
                    new LinkedHashMap<>(values), held(request), request.operator(), context, origin)).id());
        }
        messages.add(Message.key(Message.Level.SUCCESS, "dispatch.submittedForApproval"));
        return new ActionResult.Held(submitted, messages);
    }

    /** The action with these values, then its post-action workflows: synchronous ones now, asynchronous ones queued. */
    private ActionResult write(ActionRequest request, DispatchPlan plan, Map<String, Object> values, Map<String, Object> user,
            ExecutionOrigin origin, List<Message> messages) {
        List<StoredRecord> written = perform(request, values, user == null || !(user.get("id") instanceof Long id) ? null : id);
        for (DispatchPlan.Step step : plan.postActionSync()) {
            for (StoredRecord record : subjects(request, step, written)) {
                RunOutcome outcome = runner.runSync(step.workflow().id(), recordContext(request, user, step, record), 0,
                        origin.forRecords(List.of(record.id())));
                if (!outcome.resolved()) {
                    return new ActionResult.Blocked(failure(outcome, messages));
                }
                outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            }
        }
        var chain = new ArrayList<WorkflowRunner.Queued>();
        for (DispatchPlan.Step step : plan.postActionAsync()) {
            for (StoredRecord record : subjects(request, step, written)) {
                chain.add(new WorkflowRunner.Queued(step.workflow().id(), recordContext(request, user, step, record), 0,
                        origin.forRecords(List.of(record.id()))));
            }
        }
        runner.queueChain(chain);
        return new ActionResult.Done(written, messages);
    }

    /**
     * Writes a submission that a before-save approval held, now approved, as the click would have written it after
     * its pre-action workflows: the action, then the post-action workflows bound to it (and the global ones).
     */
    long release(String collection, String action, Long recordId, Map<String, Object> data, Map<String, Object> held) {
        var request = new ActionRequest(collection, Action.valueOf(action.toUpperCase(java.util.Locale.ROOT)),
                recordId == null ? List.of() : List.of(recordId), data, heldBindings(held), text(held.get("operator")),
                text(held.get("role")), "API".equals(held.get("source")) ? ActionSource.API : ActionSource.UI, heldButton(held));
        var plan = plan(request.action(), collection, request.bindings());
        ActionResult result;
        try {
            result = write(request, plan, data, user(access.actor(request.operator(), request.role())), origin(request), new ArrayList<>());
        } catch (ValidationException refused) {
            throw new io.actionflow.approval.HeldActions.NotReleased(refused.errors().stream()
                    .map(e -> Text.of("approval.failed.field", e.field(), new Text(e.messageKey(), e.args())).encoded()).toList());
        } catch (CollectionEvents.Refused refused) {
            result = new ActionResult.Blocked(refused.messages());
        }
        if (result instanceof ActionResult.Done done && !done.records().isEmpty()) {
            return done.records().getFirst().id();
        }
        throw new io.actionflow.approval.HeldActions.NotReleased(result.messages().stream()
                .map(m -> m.text() != null ? m.text() : new Text(m.key(), m.args()).encoded()).toList());
    }

    /** How a request is listed: the approval workflow's title, and the submitted record's title when it has one. */
    private String requestTitle(DispatchPlan.Step approval, String collection, Map<String, Object> values) {
        String titleField = collections.find(collection).map(c -> c.titleField()).orElse(null);
        Object title = titleField == null ? null : values.get(titleField);
        return title == null || String.valueOf(title).isBlank() ? approval.workflow().title()
                : approval.workflow().title() + " · " + title;
    }

    /** What a held submission needs to be written later as this request would write it. */
    private static Map<String, Object> held(ActionRequest request) {
        var held = new LinkedHashMap<String, Object>();
        held.put("operator", request.operator());
        held.put("role", request.role());
        held.put("source", request.source().name());
        var bindings = new ArrayList<Map<String, Object>>();
        for (WorkflowBinding binding : request.bindings()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("workflowKey", binding.workflowKey());
            entry.put("associationPath", binding.associationPath());
            bindings.add(entry);
        }
        held.put("bindings", bindings);
        var button = request.button();
        if (button != null) {
            held.put("button", Map.of("pageId", button.pageId(), "blockId", button.blockId(), "buttonId", button.buttonId(),
                    "label", button.label() == null ? "" : button.label()));
        }
        return held;
    }

    private static List<WorkflowBinding> heldBindings(Map<String, Object> held) {
        var bindings = new ArrayList<WorkflowBinding>();
        if (held.get("bindings") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("workflowKey") instanceof String key) {
                    bindings.add(new WorkflowBinding(key, map.get("associationPath") instanceof String path ? path : null));
                }
            }
        }
        return bindings;
    }

    private static ButtonReference heldButton(Map<String, Object> held) {
        if (held.get("button") instanceof Map<?, ?> button && button.get("pageId") instanceof Number page
                && button.get("blockId") instanceof Number block && button.get("buttonId") instanceof Number id) {
            String label = button.get("label") instanceof String l && !l.isEmpty() ? l : null;
            return new ButtonReference(page.longValue(), block.longValue(), id.longValue(), label);
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String actionName(ActionRequest request) {
        return request.action().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A Trigger workflow button: its custom-action workflows on no record, one (form values laid over it) or several. */
    private ActionResult custom(ActionRequest request, DispatchPlan plan, Map<String, Object> user) {
        var messages = new ArrayList<Message>();
        var origin = origin(request);
        if (plan.customSync().isEmpty() && plan.customAsync().isEmpty()) {
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.nothingBound")));
        }
        var chain = new ArrayList<WorkflowRunner.Queued>();
        for (DispatchPlan.Step step : concat(plan.customSync(), plan.customAsync())) {
            var trigger = (TriggerConfig.CustomAction) step.workflow().trigger();
            Map<String, Object> context = userContext(request, user);
            String path = step.associationPath() == null || step.associationPath().isBlank() ? null : step.associationPath();
            var relation = path == null ? null : collections.require(request.collection()).field(path).orElseThrow();
            String subject = relation == null ? request.collection() : relation.target();
            switch (trigger.contextType()) {
                case NONE -> context.put("data", new LinkedHashMap<>(request.values()));
                case SINGLE -> {
                    if (request.recordIds().size() > 1) {
                        // one record's workflow named with several: refused rather than run on the first alone
                        return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.single.many",
                                step.workflow().title(), request.recordIds().size())));
                    }
                    if (request.recordIds().isEmpty() && !request.values().isEmpty() && relation == null) {
                        // a create form: no stored record yet, only what the form holds
                        context.put("data", new LinkedHashMap<>(request.values()));
                        break;
                    }
                    if (request.recordIds().isEmpty()) {
                        return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.noRecord")));
                    }
                    var stored = queries.get(request.collection(), request.recordIds().getFirst())
                            .orElseThrow(() -> new NotFoundException("record.notFound", request.collection(), request.recordIds().getFirst()));
                    if (relation != null) {
                        var associated = stored.get(relation.name()) instanceof Number id ? queries.get(subject, id.longValue()) : java.util.Optional.<StoredRecord>empty();
                        if (associated.isEmpty()) {
                            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.association.empty",
                                    step.workflow().title(), relation.title())));
                        }
                        context.put("data", withAppends(subject, associated.get(), trigger.appends()));
                        break;
                    }
                    var data = withAppends(request.collection(), stored, trigger.appends());
                    data.putAll(request.values());
                    context.put("data", data);
                }
                case MULTIPLE -> {
                    if (request.recordIds().isEmpty()) {
                        return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.noSelection")));
                    }
                    var list = new ArrayList<Map<String, Object>>();
                    var seen = new java.util.HashSet<Long>();
                    for (long id : request.recordIds()) {
                        var record = queries.get(request.collection(), id);
                        if (relation != null) {
                            record = record.flatMap(r -> r.get(relation.name()) instanceof Number target && seen.add(target.longValue())
                                    ? queries.get(subject, target.longValue()) : java.util.Optional.empty());
                        }
                        record.ifPresent(r -> list.add(withAppends(subject, r, trigger.appends())));
                    }
                    context.put("data", list);
                }
            }
            if (step.workflow().synchronous()) {
                RunOutcome outcome = runner.runSync(step.workflow().id(), context, 0, origin);
                if (!outcome.resolved()) {
                    return new ActionResult.Blocked(failure(outcome, messages));
                }
                outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.SUCCESS, m)));
            } else {
                chain.add(new WorkflowRunner.Queued(step.workflow().id(), context, 0, origin));
            }
        }
        if (!chain.isEmpty()) {
            runner.queueChain(chain);
            messages.add(Message.key(Message.Level.INFO, "dispatch.started"));
        }
        return new ActionResult.Done(List.of(), messages);
    }

    /** The action itself; what it creates is the operator's ({@code createdBy}, their account id). */
    private List<StoredRecord> perform(ActionRequest request, Map<String, Object> values, Long createdBy) {
        return switch (request.action()) {
            case CREATE -> List.of(records.create(request.collection(), withNested(request.collection(), values, 0, createdBy), createdBy));
            case UPDATE -> {
                var updated = new ArrayList<StoredRecord>();
                for (long id : request.recordIds()) {
                    updated.add(records.update(request.collection(), id, values));
                }
                yield updated;
            }
            case DESTROY -> {
                records.deleteAll(request.collection(), request.recordIds());
                yield List.of();
            }
            case TRIGGER -> List.of();
        };
    }

    /**
     * Values whose to-one relations are given as objects (an API create that sends the category with the post): each
     * such object is created first, in the same transaction, and the relation set to it.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withNested(String collection, Map<String, Object> values, int depth, Long createdBy) {
        if (values.values().stream().noneMatch(Map.class::isInstance)) {
            return values;
        }
        var definition = collections.require(collection);
        var resolved = new LinkedHashMap<>(values);
        values.forEach((name, value) -> {
            var field = definition.field(name).filter(f -> f.type() == FieldType.MANY_TO_ONE && !"users".equals(f.target()));
            if (value instanceof Map<?, ?> nested && field.isPresent() && depth < 3) {
                String target = field.get().target();
                resolved.put(name, records.create(target, withNested(target, (Map<String, Object>) nested, depth + 1, createdBy),
                        createdBy).id());
            }
        });
        return resolved;
    }

    /** The records a post-action step runs for: the written ones, or the records their association path names. */
    private List<StoredRecord> subjects(ActionRequest request, DispatchPlan.Step step, List<StoredRecord> written) {
        if (step.associationPath() == null || step.associationPath().isBlank()) {
            return written;
        }
        var collection = collections.require(request.collection());
        var field = collection.field(step.associationPath()).filter(f -> f.type() == FieldType.MANY_TO_ONE).orElse(null);
        if (field == null) {
            return List.of();
        }
        var associated = new ArrayList<StoredRecord>();
        for (StoredRecord record : written) {
            if (record.get(field.name()) instanceof Number id) {
                queries.get(field.target(), id.longValue()).ifPresent(associated::add);
            }
        }
        return associated;
    }

    private Map<String, Object> preActionContext(ActionRequest request, Map<String, Object> user, Map<String, Object> values) {
        var context = userContext(request, user);
        var params = new LinkedHashMap<String, Object>();
        if (!request.recordIds().isEmpty()) {
            // one record's id, or the array of ids of a bulk action
            params.put("filterByTk", request.recordIds().size() == 1 ? request.recordIds().getFirst() : request.recordIds());
        }
        params.put("values", new LinkedHashMap<>(values));
        context.put("params", params);
        context.put("data", new LinkedHashMap<>(values));
        context.put("action", request.action().name().toLowerCase(java.util.Locale.ROOT));
        context.put("collection", request.collection());
        return context;
    }

    private Map<String, Object> recordContext(ActionRequest request, Map<String, Object> user, DispatchPlan.Step step,
            StoredRecord record) {
        var context = userContext(request, user);
        List<String> appends = switch (step.workflow().trigger()) {
            case TriggerConfig.PostAction post -> post.appends();
            case TriggerConfig.Approval approval -> approval.appends();
            default -> List.of();
        };
        String collection = step.associationPath() == null ? request.collection()
                : collections.require(request.collection()).field(step.associationPath()).map(f -> f.target()).orElse(request.collection());
        context.put("data", withAppends(collection, record, appends));
        context.put("action", request.action().name().toLowerCase(java.util.Locale.ROOT));
        context.put("collection", collection);
        return context;
    }

    /**
     * A record as a map, with the associations named in {@code appends} loaded too: a to-one one as a map, a to-many
     * one as the list of its rows as stored.
     */
    private Map<String, Object> withAppends(String collection, StoredRecord record, List<String> appends) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", record.id());
        data.putAll(record.values());
        if (!appends.isEmpty()) {
            var definition = collections.require(collection);
            for (String append : appends) {
                definition.field(append).filter(f -> f.type() == FieldType.ONE_TO_MANY).ifPresent(field -> {
                    var rows = new ArrayList<Map<String, Object>>();
                    for (StoredRecord row : queries.children(collection, record.id(), field.name(), io.actionflow.collections.Visibility.ALL)) {
                        var values = new LinkedHashMap<String, Object>();
                        values.put("id", row.id());
                        values.putAll(row.values());
                        rows.add(values);
                    }
                    data.put(field.name(), rows);
                });
                definition.field(append).filter(f -> f.type() == FieldType.MANY_TO_ONE).ifPresent(field -> {
                    if (record.get(field.name()) instanceof Number id && !"users".equals(field.target())) {
                        queries.get(field.target(), id.longValue()).ifPresent(target -> {
                            var nested = new LinkedHashMap<String, Object>();
                            nested.put("id", target.id());
                            nested.putAll(target.values());
                            data.put(field.name(), nested);
                        });
                    }
                });
            }
        }
        return data;
    }

    /** Who clicks, as workflows see them (read once per request, with the permission check); null without an operator. */
    private static Map<String, Object> user(io.actionflow.access.Actor actor) {
        if (actor.username() == null) {
            return null;
        }
        var user = new LinkedHashMap<String, Object>();
        user.put("username", actor.username());
        if (actor.userId() != null) {
            user.put("id", actor.userId());
            user.put("nickname", actor.nickname());
            user.put("email", actor.email());
        }
        return user;
    }

    /** The operator and role, as every workflow of the click sees them (each gets its own copy). */
    private static Map<String, Object> userContext(ActionRequest request, Map<String, Object> user) {
        var context = new LinkedHashMap<String, Object>();
        if (user != null) {
            context.put("user", new LinkedHashMap<>(user));
        }
        context.put("role", request.role());
        return context;
    }

    private static ExecutionOrigin origin(ActionRequest request) {
        var button = request.button();
        return new ExecutionOrigin(request.operator(), request.source().name(), button == null ? null : button.pageId(),
                button == null ? null : button.blockId(), button == null ? null : button.buttonId(), request.recordIds(),
                button == null ? null : button.label());
    }

    /** What a failed workflow tells the user: its messages as errors, or else why it failed. */
    static List<Message> failure(RunOutcome outcome, List<Message> before) {
        var messages = new ArrayList<>(before.stream().filter(m -> m.level() == Message.Level.ERROR).toList());
        outcome.messages().forEach(m -> messages.add(Message.text(Message.Level.ERROR, m)));
        if (outcome.messages().isEmpty()) {
            // an unexpected error's details (a database message, say) are for the history, not for the user
            messages.add(outcome.error() == null ? Message.key(Message.Level.ERROR, "dispatch.blocked")
                    : Text.decode(outcome.error()).filter(t -> !t.key().equals("workflow.error.crashed"))
                            .map(t -> Message.key(Message.Level.ERROR, t.key(), t.args().toArray()))
                            .orElse(Message.key(Message.Level.ERROR, "dispatch.workflowError")));
        }
        return messages;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<T>(first);
        all.addAll(second);
        return all;
    }

    private static String actionKey(Action action) {
        return "action.name." + action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
