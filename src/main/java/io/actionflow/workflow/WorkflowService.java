package io.actionflow.workflow;

import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import io.actionflow.platform.Constraints;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.engine.GraphCheck;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workflow definitions and their versions. A version that has run is frozen: changing it makes a new version (a copy
 * with the same node keys). Enabling a version checks it, makes it the current one and disables the others.
 */
@Service
@Transactional
@PreAuthorize("hasRole('admin')")
public class WorkflowService {

    private final WorkflowRepository workflows;
    private final ExecutionRepository executions;
    private final JobRepository jobs;
    private final WorkflowJson json;
    private final GraphCheck check;
    private final WorkflowRunner runner;
    private final AsyncWorkflows async;
    private final WorkflowVersions runnable;
    private final io.actionflow.workflow.engine.NodeRegistry registry;
    private final io.actionflow.triggers.TriggerChecks triggerChecks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final io.actionflow.workflow.engine.Expressions expressions;

    private final Constraints constraints;
    private final ScheduleTrigger schedules;
    private final Webhooks webhooks;

    WorkflowService(WorkflowRepository workflows, ExecutionRepository executions, JobRepository jobs, WorkflowJson json,
            GraphCheck check, WorkflowRunner runner, AsyncWorkflows async,
            WorkflowVersions runnable, io.actionflow.workflow.engine.NodeRegistry registry,
            io.actionflow.triggers.TriggerChecks triggerChecks, TransactionTemplate transaction, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, io.actionflow.workflow.engine.Expressions expressions,
            Constraints constraints, ScheduleTrigger schedules, Webhooks webhooks) {
        this.schedules = schedules;
        this.webhooks = webhooks;
        this.constraints = constraints;
        this.events = events;
        this.expressions = expressions;
        this.triggerChecks = triggerChecks;
        this.runnable = runnable;
        this.registry = registry;
        this.async = async;
        this.workflows = workflows;
        this.executions = executions;
        this.jobs = jobs;
        this.json = json;
        this.check = check;
        this.runner = runner;
        this.transaction = transaction;
        this.clock = clock;
    }

    public WorkflowDefinition create(WorkflowDraft draft) {
        runnable.changing();
        checkDraft(draft);
        var entity = new WorkflowEntity("wf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), 1, clock.instant());
        apply(entity, draft);
        entity.setNodes(json.writeGraph(new WorkflowGraph(List.of())));
        return definition(workflows.save(entity));
    }

    /** One entry per key: its current version, or its newest when none is current. */
    @Transactional(readOnly = true)
    public List<WorkflowDefinition> list() {
        return workflows.findLatest().stream().map(this::definition).toList();
    }

    @Transactional(readOnly = true)
    public WorkflowDefinition get(long id) {
        return definition(entity(id));
    }

    @Transactional(readOnly = true)
    public List<WorkflowDefinition> versions(String key) {
        return workflows.findByKeyOrderByNumberDesc(key).stream().map(this::definition).toList();
    }

    /** Changes title, trigger and mode; on a version that has run, in a new version instead. */
    public WorkflowDefinition update(long id, WorkflowDraft draft) {
        runnable.changing();
        checkDraft(draft);
        var entity = editable(entity(id));
        apply(entity, draft);
        return definition(entity);
    }

    /** Replaces the nodes; on a version that has run, in a new version instead. */
    public WorkflowDefinition updateGraph(long id, WorkflowGraph graph) {
        return updateGraph(id, graph, null);
    }

    /**
     * As {@link #updateGraph(long, WorkflowGraph)}, after the node the admin just saved ({@code saved}, its key; null
     * when none) has passed its own check: its types, the collections, fields and users it names. What it still lacks,
     * and the check of the whole graph (earlier results, loops around), wait for Enable.
     */
    public WorkflowDefinition updateGraph(long id, WorkflowGraph graph, String saved) {
        runnable.changing();
        refuseUnsafeExpressions(graph);
        var before = entity(id);
        NodeSaveCheck.refuse(check, json.readGraph(before.getNodes()), graph, saved, triggerCollection(before));
        var entity = editable(before);
        entity.setNodes(json.writeGraph(graph));
        entity.touch(clock.instant());
        return definition(entity);
    }

    /** Checks the version and makes it the one that runs; the problems refuse it, one message each. */
    public WorkflowDefinition enable(long id) {
        runnable.changing();
        var entity = entity(id);
        var problems = check.problems(json.readGraph(entity.getNodes()), entity.isSynchronous(), entity.getTriggerType().name(),
                triggerCollection(entity));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> FieldError.of("nodes", p.key(), p.args().toArray())).toList());
        }
        if (entity.getTriggerType() == TriggerType.WEBHOOK && !webhooks.hasSecret(entity.getKey())) {
            // a hook nobody can call yet: its secret is made (and shown once) first
            throw new ValidationException(FieldError.of("triggerConfig", "workflow.webhook.noSecret"));
        }
        for (WorkflowEntity other : workflows.findByKeyOrderByNumberDesc(entity.getKey())) {
            other.setCurrent(other == entity);
            other.setEnabled(other == entity);
        }
        schedules.plan(entity, entity.getKey());
        return definition(entity);
    }

    /**
     * Makes the enabled workflow {@code key} (a pre-action, post-action or approval) run on every {@code action} of its
     * collection, from any button or API call, bound there or not. On a version that has run, a new version is made
     * and enabled in its place; the trigger is checked as the workflow dialog's save checks it.
     */
    public WorkflowDefinition makeGlobal(String key, TriggerConfig.DataAction action) {
        runnable.changing();
        var current = workflows.findByKeyAndCurrentTrue(key).filter(WorkflowEntity::isEnabled)
                .orElseThrow(() -> new NotFoundException("workflow.notFound", key));
        var type = current.getTriggerType();
        if (type != TriggerType.PRE_ACTION && type != TriggerType.POST_ACTION && type != TriggerType.APPROVAL) {
            throw new ValidationException(FieldError.of("global", "workflow.global.notFor", current.getTitle()));
        }
        var config = new LinkedHashMap<>(json.readMap(current.getTriggerConfig()));
        var actions = new LinkedHashSet<String>();
        if (Boolean.TRUE.equals(config.get("global")) && config.get("actions") instanceof Collection<?> named) {
            named.forEach(a -> actions.add(String.valueOf(a).toLowerCase(Locale.ROOT)));
        }
        actions.add(action.key());
        config.put("global", true);
        config.put("actions", List.copyOf(actions));
        var draft = new WorkflowDraft(current.getTitle(), current.getDescription(), type, config, current.isSynchronous(), current.getRetries());
        checkDraft(draft);
        var entity = editable(current);
        apply(entity, draft);
        if (entity != current) {
            return enable(entity.getId());
        }
        return definition(entity);
    }

    public WorkflowDefinition disable(long id) {
        runnable.changing();
        var entity = entity(id);
        if (entity.isEnabled()) {
            schedules.plan(null, entity.getKey());
        }
        entity.setEnabled(false);
        return definition(entity);
    }

    @Transactional(readOnly = true)
    public List<ExecutionSummary> executions(long workflowId, int limit) {
        return executions.findByWorkflowIdOrderByIdDesc(workflowId, PageRequest.of(0, limit)).stream()
                .map(ExecutionEntity::summary).toList();
    }

    /** One page of the history, newest first. */
    @Transactional(readOnly = true)
    public List<ExecutionSummary> executions(ExecutionQuery query, int page, int pageSize) {
        return executions.findAll(matching(query), PageRequest.of(page, pageSize, Sort.by(Sort.Direction.DESC, "id")))
                .stream().map(ExecutionEntity::summary).toList();
    }

    /** One execution, whichever workflow ran it. */
    @Transactional(readOnly = true)
    public java.util.Optional<ExecutionSummary> execution(long id) {
        return executions.findById(id).map(ExecutionEntity::summary);
    }

    @Transactional(readOnly = true)
    public long countExecutions(ExecutionQuery query) {
        return executions.count(matching(query));
    }

    /** When each workflow (by key) last ran, test runs aside; keys that never ran are missing. */
    @Transactional(readOnly = true)
    public Map<String, java.time.Instant> lastRuns(Collection<String> keys) {
        var last = new LinkedHashMap<String, java.time.Instant>();
        for (String key : new LinkedHashSet<>(keys)) {
            executions.findFirstByKeyAndTestRunFalseOrderByIdDesc(key).ifPresent(e -> last.put(key, e.summary().createdAt()));
        }
        return last;
    }

    private static Specification<ExecutionEntity> matching(ExecutionQuery query) {
        return (root, q, cb) -> {
            var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
            if (query.workflowId() != null) {
                where.add(cb.equal(root.get("workflowId"), query.workflowId()));
            } else if (query.key() != null) {
                where.add(cb.equal(root.get("key"), query.key()));
            }
            if (!query.statuses().isEmpty()) {
                where.add(root.get("status").in(query.statuses()));
            }
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), query.from()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), query.to()));
            }
            if (!query.testRuns()) {
                where.add(cb.isFalse(root.get("testRun")));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    @Transactional(readOnly = true)
    public List<JobView> jobs(long executionId) {
        return jobs.findByExecutionIdOrderById(executionId).stream().map(j -> new JobView(j.getJobKey(), j.getNodeKey(),
                j.getStatus(), json.read(j.getInput()), json.read(j.getOutput()), j.getBranch(), j.getError(),
                j.getDurationMicros())).toList();
    }

    /**
     * Runs the version against a context as if triggered, and rolls back every record it wrote: the admin sees each
     * node's result before enabling it. (HTTP requests and notifications are real.)
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public RunOutcome testRun(long id, Map<String, Object> context) {
        var version = runnable.require(id);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return runner.run(version, context, 0, null, true, ExecutionOrigin.NONE);
        });
    }

    /** Stops an execution that is queued or waiting; it will not run again. */
    public ExecutionSummary cancel(long executionId) {
        var execution = executions.findById(executionId).orElseThrow(() -> new NotFoundException("execution.notFound", executionId));
        if (execution.getStatus().isFinal()) {
            throw new ValidationException(FieldError.of("execution", "execution.notWaiting", executionId));
        }
        execution.cancel(clock.instant());
        async.cancel(executionId);
        events.publishEvent(new ExecutionEnded(executionId, execution.summary().key(),
                runnable.require(execution.getWorkflowId()).triggerType(), io.actionflow.workflow.engine.ExecutionStatus.CANCELED));
        runner.startNext(execution.getNextId());
        return execution.summary();
    }

    /** Runs a failed or erred asynchronous execution again, from the node that failed. */
    public ExecutionSummary retry(long executionId) {
        var execution = executions.findById(executionId).orElseThrow(() -> new NotFoundException("execution.notFound", executionId));
        var workflow = entity(execution.getWorkflowId());
        if (workflow.isSynchronous() || (execution.getStatus() != io.actionflow.workflow.engine.ExecutionStatus.FAILED
                && execution.getStatus() != io.actionflow.workflow.engine.ExecutionStatus.ERROR)) {
            throw new ValidationException(FieldError.of("execution", "execution.notRetryable", executionId));
        }
        execution.requeue(clock.instant());
        async.schedule(executionId, clock.instant());
        return execution.summary();
    }

    /** The version as one JSON document: settings and nodes, keys included. */
    @Transactional(readOnly = true)
    public String export(long id) {
        var entity = entity(id);
        var document = new LinkedHashMap<String, Object>();
        document.put("key", entity.getKey());
        document.put("title", entity.getTitle());
        document.put("description", entity.getDescription());
        document.put("triggerType", entity.getTriggerType().name());
        document.put("triggerConfig", json.readMap(entity.getTriggerConfig()));
        document.put("synchronous", entity.isSynchronous());
        document.put("retries", entity.getRetries());
        document.put("nodes", json.read(entity.getNodes()));
        return json.write(document);
    }

    /**
     * Imports a document and, when asked, enables it, all or nothing: a workflow that cannot be enabled is not kept
     * either.
     */
    public WorkflowDefinition importJson(String document, boolean enable) {
        var imported = importJson(document);
        return enable ? enable(imported.id()) : imported;
    }

    /** Imports a document made by {@link #export}: a new version of its key, or a new workflow; not enabled. */
    public WorkflowDefinition importJson(String document) {
        runnable.changing();
        var read = WorkflowDocument.read(document, json, registry);
        refuseUnsafeExpressions(read.graph());
        checkDraft(read.draft());
        var existing = workflows.findByKeyOrderByNumberDesc(read.key());
        var entity = new WorkflowEntity(read.key(), existing.isEmpty() ? 1 : existing.getFirst().getNumber() + 1, clock.instant());
        apply(entity, read.draft());
        entity.setNodes(json.writeGraph(read.graph()));
        return definition(workflows.save(entity));
    }

    private WorkflowEntity editable(WorkflowEntity entity) {
        if (!executions.existsByWorkflowIdAndTestRunFalse(entity.getId())) {
            return entity;
        }
        int next = workflows.findByKeyOrderByNumberDesc(entity.getKey()).getFirst().getNumber() + 1;
        return workflows.save(entity.nextVersion(next, clock.instant()));
    }

    private void apply(WorkflowEntity entity, WorkflowDraft draft) {
        entity.setTitle(draft.title().strip());
        entity.setDescription(draft.description() == null || draft.description().isBlank() ? null : draft.description().strip());
        entity.setTriggerType(draft.triggerType());
        entity.setTriggerConfig(json.write(draft.triggerConfig() == null ? Map.of() : draft.triggerConfig()));
        entity.setSynchronous(io.actionflow.triggers.TriggerChecks.forcedSynchronous(draft.triggerType(), draft.synchronous()));
        entity.setRetries(Math.max(0, Math.min(draft.retries(), 10)));
        entity.touch(clock.instant());
    }

    /**
     * Expressions that could never run are refused when saved, not only when enabled: a refused save keeps nothing.
     * An empty or unfinished setting is left for the check at enable.
     */
    private void refuseUnsafeExpressions(WorkflowGraph graph) {
        var errors = new ArrayList<FieldError>();
        for (var node : graph.all()) {
            var executor = registry.find(node.type());
            if (executor.isEmpty()) {
                continue;
            }
            for (String setting : executor.get().expressions()) {
                if (node.config().get(setting) instanceof String expression && !expression.isBlank()) {
                    try {
                        expressions.check(expression);
                    } catch (io.actionflow.workflow.engine.NodeFailure refused) {
                        // named after the node and its setting, for the form to show it there
                        errors.add(FieldError.of("nodes." + node.key() + "." + setting, "workflow.problem.node", node.key(), refused.text()));
                    }
                }
            }
        }
        ValidationException.throwIfAny(errors);
    }

    private void checkDraft(WorkflowDraft draft) {
        var errors = new ArrayList<>(constraints.errors(draft));
        if (draft.triggerType() == null) {
            ValidationException.throwIfAny(errors);
        }
        errors.addAll(triggerChecks.check(draft.triggerType(), draft.triggerConfig(), draft.synchronous()));
        if (draft.triggerConfig() != null && draft.triggerConfig().get("condition") instanceof String condition && !condition.isBlank()) {
            try {
                expressions.check(condition);
            } catch (io.actionflow.workflow.engine.NodeFailure refused) {
                errors.add(FieldError.of("condition", refused.text().key(), refused.text().args().toArray()));
            }
        }
        ValidationException.throwIfAny(errors);
    }

    private String triggerCollection(WorkflowEntity entity) {
        Object collection = json.readMap(entity.getTriggerConfig()).get("collection");
        return collection == null || String.valueOf(collection).isBlank() ? null : String.valueOf(collection);
    }

    private WorkflowEntity entity(long id) {
        return workflows.findById(id).orElseThrow(() -> new NotFoundException("workflow.notFound", id));
    }

    private WorkflowDefinition definition(WorkflowEntity e) {
        return new WorkflowDefinition(e.getId(), e.getKey(), e.getNumber(), e.getTitle(), e.getDescription(),
                e.getTriggerType(), json.readMap(e.getTriggerConfig()), json.readGraph(e.getNodes()), e.isSynchronous(),
                e.isEnabled(), e.isCurrent(), e.getRetries(), e.getCreatedAt(), e.getUpdatedAt());
    }
}
