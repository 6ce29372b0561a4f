package io.actionflow.approval;

import io.actionflow.collections.RecordService;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Inbox;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.Text;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.WorkflowRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval requests: submitted by the dispatcher (a click or call held for approval), asked by the Approval node,
 * decided by approvers (approve, reject, return, delegate, comment), withdrawn or resubmitted by their submitter. A
 * decision that settles the node lets the waiting execution go on; every step is kept for the timeline.
 */
@Service
@Transactional
public class ApprovalService {

    /** A task decided in one of these ways makes its request decided: it can no longer be withdrawn. */
    private static final Set<ApprovalTask.Status> DECIDED =
            Set.of(ApprovalTask.Status.APPROVED, ApprovalTask.Status.REJECTED, ApprovalTask.Status.RETURNED);
    /** Ids per {@code in (...)} list. */
    private static final int IN_LIST = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApprovalRequests requests;
    private final ApprovalTasks tasks;
    private final ApprovalEvents events;
    private final WorkflowRunner runner;
    private final RecordService records;
    private final io.actionflow.collections.CollectionService collections;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Inbox inbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ApprovalService(ApprovalRequests requests, ApprovalTasks tasks, ApprovalEvents events, WorkflowRunner runner,
            RecordService records, UserService users, CurrentUser currentUser, Inbox inbox, ApplicationEventPublisher publisher,
            Clock clock, io.actionflow.collections.CollectionService collections) {
        this.collections = collections;
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.runner = runner;
        this.records = records;
        this.users = users;
        this.currentUser = currentUser;
        this.inbox = inbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    // --- submitting (the dispatcher, in the transaction of the click)

    /**
     * Records a request and queues its approval workflow in the current transaction: the workflow starts once the
     * click's transaction commits, and never if it rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Approval submit(Submission submission) {
        var now = clock.instant();
        var entity = new ApprovalEntity();
        entity.workflowKey = submission.workflowKey();
        entity.collection = submission.collection();
        entity.action = submission.action();
        entity.recordId = submission.recordId();
        entity.beforeSave = submission.beforeSave();
        entity.data = write(submission.data());
        entity.held = write(submission.held());
        entity.submitter = submission.submitter();
        entity.title = cut(submission.title(), 300);
        entity.status = Approval.Status.PENDING;
        entity.createdAt = now;
        entity.updatedAt = now;
        requests.saveAndFlush(entity);
        log(entity, submission.submitter(), TimelineEntry.Kind.SUBMITTED, null, null);
        var context = new LinkedHashMap<>(submission.context());
        context.put("approval", Map.of("id", entity.id));
        var origin = submission.origin();
        entity.executionId = runner.queueChain(List.of(new WorkflowRunner.Queued(submission.workflowId(), context, 0,
                submission.recordId() == null ? origin : origin.forRecords(List.of(submission.recordId()))))).getFirst();
        signal(Set.of(entity.submitter));
        return view(entity);
    }

    /** Which of these records a pending after-save approval locks against edits. */
    @Transactional(readOnly = true)
    public Set<Long> locked(String collection, Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(requests.locked(collection, ids));
    }

    // --- asking (the Approval node, in the transaction of its execution's step)

    /** How an approval node asks and decides. */
    record Stage(String nodeKey, String nodeTitle, List<String> approvers, ApprovalRules.Policy policy, List<String> editable,
            boolean submitterMayApprove) {
    }

    /** What asking came to. */
    enum Asked {
        ASKED,
        /** The request is no longer pending (withdrawn meanwhile). */
        NOT_PENDING,
        /** The only approvers the node names are the submitter, who may not decide on their own request. */
        ONLY_SUBMITTER
    }

    /**
     * Starts a node's round on a request: its approvers are asked (all at once, or the first in sequence) and told in
     * their inbox. The submitter is not among them unless the node allows it.
     */
    Asked ask(long approvalId, Stage stage) {
        var entity = requests.lock(approvalId).orElseThrow(() -> new NotFoundException("approval.notFound", approvalId));
        if (entity.status != Approval.Status.PENDING) {
            return Asked.NOT_PENDING;
        }
        var approvers = stage.approvers().stream()
                .filter(a -> stage.submitterMayApprove() || !a.equals(entity.submitter)).toList();
        if (approvers.isEmpty()) {
            return Asked.ONLY_SUBMITTER;
        }
        entity.nodeKey = stage.nodeKey();
        entity.nodeTitle = cut(stage.nodeTitle(), 200);
        entity.submitterMayApprove = stage.submitterMayApprove();
        entity.approvers = write(approvers);
        entity.agreement = stage.policy().agreement().name();
        entity.percent = stage.policy().percent();
        entity.ordering = stage.policy().order().name();
        entity.editableFields = write(stage.editable());
        entity.stageOutcome = null;
        startRound(entity, null);
        return Asked.ASKED;
    }

    /** How the node a request waits at was decided: APPROVED, REJECTED, WITHDRAWN, or null while it is open. */
    @Transactional(readOnly = true)
    String outcome(long approvalId) {
        var entity = requests.findById(approvalId).orElse(null);
        if (entity == null || entity.status == Approval.Status.WITHDRAWN) {
            return "WITHDRAWN";
        }
        return entity.stageOutcome;
    }

    /** The submitted values as they stand now. */
    @Transactional(readOnly = true)
    Map<String, Object> dataOf(long approvalId) {
        return requests.findById(approvalId).map(ApprovalService::data).orElse(new LinkedHashMap<>());
    }

    private void startRound(ApprovalEntity entity, String actor) {
        entity.round++;
        entity.updatedAt = clock.instant();
        var outcome = ApprovalRules.decide(policy(entity), approvers(entity), Map.of());
        if (outcome instanceof ApprovalRules.Outcome.Pending pending) {
            assign(entity, pending.askedNow(), null, actor);
        }
    }

    private void assign(ApprovalEntity entity, List<String> approvers, String delegatedFrom, String actor) {
        var now = clock.instant();
        var all = approvers(entity);
        for (String approver : approvers) {
            tasks.save(new ApprovalTaskEntity(entity.id, entity.round, entity.nodeKey, approver, all.indexOf(approver),
                    delegatedFrom, now));
        }
        log(entity, actor, TimelineEntry.Kind.ASKED, null, String.join(", ", approvers));
        inbox.send(approvers, Text.of("approval.inbox.task.title").encoded(),
                Text.of("approval.inbox.task", entity.title, name(entity.submitter)).encoded(), io.actionflow.platform.Links.todo(entity.id));
        signal(new LinkedHashSet<>(approvers));
    }

    // --- what approvers do

    /** Approves a task of the signed-in user, with the changes they made to the fields they may change. */
    public Approval approve(long taskId, String comment, Map<String, Object> changes) {
        return decide(taskId, ApprovalTask.Status.APPROVED, comment, changes);
    }

    public Approval reject(long taskId, String comment) {
        return decide(taskId, ApprovalTask.Status.REJECTED, comment, Map.of());
    }

    /** Sends the request back to its submitter, who may change it and resubmit; a comment says what to change. */
    public Approval giveBack(long taskId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ValidationException(FieldError.of("comment", "approval.comment.required"));
        }
        return decide(taskId, ApprovalTask.Status.RETURNED, comment, Map.of());
    }

    /** Hands a task of the signed-in user to someone else, who decides in their place. */
    public Approval delegate(long taskId, String to, String comment) {
        String me = me();
        var entity = lockRequestOf(taskId);
        var task = myOpenTask(taskId, me);
        requireOpenRound(entity, task);
        var target = users.findByUsername(to == null ? "" : to).filter(u -> u.enabled())
                .orElseThrow(() -> new ValidationException(FieldError.of("delegate", "approval.delegate.unknown", to)));
        var approvers = new ArrayList<>(approvers(entity));
        if (target.username().equals(me) || approvers.contains(target.username())) {
            throw new ValidationException(FieldError.of("delegate", "approval.delegate.already", target.displayName()));
        }
        if (target.username().equals(entity.submitter) && !entity.submitterMayApprove) {
            throw new ValidationException(FieldError.of("delegate", "approval.delegate.submitter", target.displayName()));
        }
        task.decide(ApprovalTask.Status.DELEGATED, blankToNull(comment), clock.instant());
        // the delegate takes the approver's place in the node's list (and in its order)
        approvers.set(approvers.indexOf(me), target.username());
        entity.approvers = write(approvers);
        log(entity, me, TimelineEntry.Kind.DELEGATED, blankToNull(comment), target.username());
        assign(entity, List.of(target.username()), me, me);
        signal(Set.of(me, entity.submitter));
        return view(entity);
    }

    /** Adds a comment to the timeline; the submitter and everyone asked may. */
    public Approval comment(long approvalId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ValidationException(FieldError.of("comment", "approval.comment.required"));
        }
        var entity = visible(approvalId);
        log(entity, me(), TimelineEntry.Kind.COMMENTED, comment.strip(), null);
        entity.updatedAt = clock.instant();
        return view(entity);
    }

    private Approval decide(long taskId, ApprovalTask.Status decision, String comment, Map<String, Object> changes) {
        String me = me();
        var entity = lockRequestOf(taskId);
        var task = myOpenTask(taskId, me);
        requireOpenRound(entity, task);
        if (me.equals(entity.submitter) && !entity.submitterMayApprove) {
            throw new AccessDeniedException("The submitter may not decide on their own request");
        }
        var now = clock.instant();
        if (changes != null && !changes.isEmpty()) {
            change(entity, changes, me);
        }
        task.decide(decision, blankToNull(comment), now);
        entity.updatedAt = now;
        var affected = new LinkedHashSet<String>(List.of(me, entity.submitter));
        var round = tasks.findByApprovalIdAndRoundOrderByIdAsc(entity.id, entity.round);
        if (decision == ApprovalTask.Status.RETURNED) {
            log(entity, me, TimelineEntry.Kind.RETURNED, blankToNull(comment), null);
            affected.addAll(close(round));
            entity.status = Approval.Status.RETURNED;
            inbox.send(List.of(entity.submitter), Text.of("approval.inbox.returned.title").encoded(),
                    Text.of("approval.inbox.returned", entity.title, name(me)).encoded(), io.actionflow.platform.Links.submission(entity.id));
            signal(affected);
            return view(entity);
        }
        log(entity, me, decision == ApprovalTask.Status.APPROVED ? TimelineEntry.Kind.APPROVED : TimelineEntry.Kind.REJECTED,
                blankToNull(comment), null);
        var decisions = new HashMap<String, ApprovalRules.Decision>();
        for (ApprovalTaskEntity t : round) {
            if (t.status == ApprovalTask.Status.APPROVED) {
                decisions.put(t.approver, ApprovalRules.Decision.APPROVE);
            } else if (t.status == ApprovalTask.Status.REJECTED) {
                decisions.put(t.approver, ApprovalRules.Decision.REJECT);
            }
        }
        switch (ApprovalRules.decide(policy(entity), approvers(entity), decisions)) {
            case ApprovalRules.Outcome.Pending pending -> {
                var asked = round.stream().filter(t -> t.status == ApprovalTask.Status.PENDING).map(t -> t.approver).toList();
                var next = pending.askedNow().stream().filter(a -> !asked.contains(a) && !decisions.containsKey(a)).toList();
                if (!next.isEmpty()) {
                    assign(entity, next, null, null);
                }
            }
            case ApprovalRules.Outcome.Approved approved -> settle(entity, round, "APPROVED", affected);
            case ApprovalRules.Outcome.Rejected rejected -> settle(entity, round, "REJECTED", affected);
        }
        signal(affected);
        return view(entity);
    }

    /** The node is decided: the tasks still open are no longer needed, and the waiting execution goes on. */
    private void settle(ApprovalEntity entity, List<ApprovalTaskEntity> round, String outcome, Set<String> affected) {
        affected.addAll(close(round));
        entity.stageOutcome = outcome;
        if (entity.executionId != null) {
            runner.resume(entity.executionId);
        }
    }

    private List<String> close(List<ApprovalTaskEntity> round) {
        var closed = new ArrayList<String>();
        for (ApprovalTaskEntity t : round) {
            if (t.status == ApprovalTask.Status.PENDING) {
                t.decide(ApprovalTask.Status.CLOSED, null, clock.instant());
                closed.add(t.approver);
            }
        }
        return closed;
    }

    /** An approver's changes to the fields the node lets them change; others are refused. */
    private void change(ApprovalEntity entity, Map<String, Object> changes, String me) {
        var editable = editable(entity);
        var changed = apply(entity, changes, field -> {
            if (!editable.contains(field)) {
                throw new ValidationException(FieldError.of(field, "approval.field.notEditable", field));
            }
        });
        if (!changed.isEmpty()) {
            log(entity, me, TimelineEntry.Kind.CHANGED, null, String.join(", ", changed));
        }
    }

    /**
     * Changes the request's values where {@code changes} differ from them (each changed field first passing
     * {@code allowed}): checked as the held action would check them before save, written to the record after save.
     * Returns the names of the fields that changed.
     */
    private Set<String> apply(ApprovalEntity entity, Map<String, Object> changes, java.util.function.Consumer<String> allowed) {
        var data = data(entity);
        var changed = new LinkedHashMap<String, Object>();
        (changes == null ? Map.<String, Object>of() : changes).forEach((field, value) -> {
            if (!Objects.equals(data.get(field), value) && !"id".equals(field)) {
                allowed.accept(field);
                changed.put(field, value);
            }
        });
        if (changed.isEmpty()) {
            return Set.of();
        }
        if (entity.beforeSave) {
            var merged = new LinkedHashMap<>(data);
            merged.putAll(changed);
            records.check(entity.collection, entity.recordId, merged);
        } else {
            records.update(entity.collection, entity.recordId, changed);
        }
        data.putAll(changed);
        entity.data = write(data);
        entity.title = cut(retitled(entity.title, entity.collection, data), 300);
        return changed.keySet();
    }

    /**
     * A request's title after its values changed: the workflow's title, then the record's title as it stands now
     * (the part after " · " follows the record's title field).
     */
    private String retitled(String title, String collection, Map<String, Object> data) {
        String prefix = title.contains(" · ") ? title.substring(0, title.indexOf(" · ")) : title;
        Object value = collections.find(collection).map(c -> c.titleField()).map(data::get).orElse(null);
        return value == null || String.valueOf(value).isBlank() ? prefix : prefix + " · " + value;
    }

    // --- what submitters do

    /** Takes a request back before anyone has decided on it. */
    public Approval withdraw(long approvalId, String comment) {
        String me = me();
        var entity = requests.lock(approvalId).orElseThrow(() -> new NotFoundException("approval.notFound", approvalId));
        if (!entity.submitter.equals(me)) {
            throw new AccessDeniedException("Only the submitter may withdraw a request");
        }
        if (entity.status != Approval.Status.PENDING || decided(entity.id)) {
            throw new ValidationException(FieldError.of("approval", "approval.withdraw.tooLate"));
        }
        var affected = new LinkedHashSet<>(close(tasks.findByApprovalIdAndRoundOrderByIdAsc(entity.id, entity.round)));
        affected.add(me);
        entity.status = Approval.Status.WITHDRAWN;
        entity.finishedAt = clock.instant();
        entity.updatedAt = entity.finishedAt;
        log(entity, me, TimelineEntry.Kind.WITHDRAWN, blankToNull(comment), null);
        if (entity.executionId != null) {
            runner.resume(entity.executionId);
        }
        signal(affected);
        return view(entity);
    }

    /** Sends a returned request back to its approvers, with the submitter's changes; the node asks anew. */
    public Approval resubmit(long approvalId, Map<String, Object> changes, String comment) {
        String me = me();
        var entity = requests.lock(approvalId).orElseThrow(() -> new NotFoundException("approval.notFound", approvalId));
        if (!entity.submitter.equals(me)) {
            throw new AccessDeniedException("Only the submitter may resubmit a request");
        }
        if (entity.status != Approval.Status.RETURNED) {
            throw new ValidationException(FieldError.of("approval", "approval.resubmit.notReturned"));
        }
        var changed = apply(entity, changes, field -> { });
        entity.status = Approval.Status.PENDING;
        log(entity, me, TimelineEntry.Kind.RESUBMITTED, blankToNull(comment),
                changed.isEmpty() ? null : String.join(", ", changed));
        startRound(entity, me);
        signal(Set.of(me));
        return view(entity);
    }

    // --- the end of a request (its execution ended), see ApprovalEndings

    /** The request an execution runs for, locked. */
    Optional<ApprovalEntity> forExecution(long executionId) {
        return requests.findByExecutionId(executionId).stream().findFirst().flatMap(e -> requests.lock(e.id));
    }

    void end(ApprovalEntity entity, Approval.Status status, TimelineEntry.Kind kind, String detail) {
        entity.status = status;
        entity.updatedAt = clock.instant();
        if (!status.isOpen()) {
            entity.finishedAt = entity.updatedAt;
        }
        log(entity, null, kind, null, detail);
        var affected = new LinkedHashSet<>(close(tasks.findByApprovalIdAndRoundOrderByIdAsc(entity.id, entity.round)));
        affected.add(entity.submitter);
        if (!status.isOpen()) {
            inbox.send(List.of(entity.submitter), Text.of("approval.inbox.ended.title").encoded(),
                    Text.of("approval.inbox.ended", entity.title, Text.of("approval.status." + status.name())).encoded(),
                    io.actionflow.platform.Links.submission(entity.id));
        }
        signal(affected);
    }

    void saved(ApprovalEntity entity, long recordId) {
        entity.recordId = recordId;
        end(entity, Approval.Status.APPROVED, TimelineEntry.Kind.SAVED, null);
    }

    Map<String, Object> held(ApprovalEntity entity) {
        return read(entity.held);
    }

    // --- what the to-do center shows

    /** A pending task with the request it belongs to. */
    public record ToDo(ApprovalTask task, Approval approval) {
    }

    /** The signed-in user's open tasks, oldest first. */
    @Transactional(readOnly = true)
    public List<ToDo> myToDos() {
        String me = me();
        return toDos(tasks.findByApproverAndStatusOrderByCreatedAtAsc(me, ApprovalTask.Status.PENDING));
    }

    /** The signed-in user's tasks that are over (decided, handed on, or closed), newest first; at most 200. */
    @Transactional(readOnly = true)
    public List<ToDo> myFinishedToDos() {
        String me = me();
        return toDos(tasks.findTop200ByApproverAndStatusNotOrderByDecidedAtDesc(me, ApprovalTask.Status.PENDING));
    }

    /**
     * Tasks with their requests, in three statements whatever their number (one more of each per thousand requests):
     * not two per task (its request, then the request's tasks to see whether it was decided).
     */
    private List<ToDo> toDos(List<ApprovalTaskEntity> found) {
        var ids = found.stream().map(t -> t.approvalId).distinct().toList();
        var byId = new HashMap<Long, ApprovalEntity>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            requests.findAllById(ids.subList(from, Math.min(ids.size(), from + IN_LIST))).forEach(e -> byId.put(e.id, e));
        }
        var decided = decidedAmong(ids);
        return found.stream().map(t -> new ToDo(t.view(), view(byId.get(t.approvalId), decided.contains(t.approvalId)))).toList();
    }

    /** Which of these requests were decided, in one statement per thousand. */
    private Set<Long> decidedAmong(List<Long> ids) {
        var decided = new HashSet<Long>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            decided.addAll(tasks.decidedAmong(ids.subList(from, Math.min(ids.size(), from + IN_LIST)), DECIDED));
        }
        return decided;
    }

    /** How many tasks {@code username} has open: the to-do badge, refreshed from other threads too. */
    @Transactional(readOnly = true)
    public long openTasks(String username) {
        return tasks.countByApproverAndStatus(username, ApprovalTask.Status.PENDING);
    }

    /** The signed-in user's requests, newest first. */
    @Transactional(readOnly = true)
    public List<Approval> mySubmissions() {
        var mine = requests.findBySubmitterOrderByCreatedAtDesc(me());
        var decided = decidedAmong(mine.stream().map(e -> e.id).toList());
        return mine.stream().map(e -> view(e, decided.contains(e.id))).toList();
    }

    /** A request its submitter, its approvers or an admin may see. */
    @Transactional(readOnly = true)
    public Approval get(long approvalId) {
        return view(visible(approvalId));
    }

    /** Every step of a request, oldest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long approvalId) {
        visible(approvalId);
        return events.findByApprovalIdOrderByAtAscIdAsc(approvalId).stream().map(ApprovalEventEntity::view).toList();
    }

    /** Every task of a request, in every round. */
    @Transactional(readOnly = true)
    public List<ApprovalTask> tasks(long approvalId) {
        visible(approvalId);
        return tasks.findByApprovalIdOrderByIdAsc(approvalId).stream().map(ApprovalTaskEntity::view).toList();
    }

    /** A display name for a username, for timelines. */
    @Transactional(readOnly = true)
    public String name(String username) {
        return username == null ? null : users.findByUsername(username).map(u -> u.displayName()).orElse(username);
    }

    // --- helpers

    private ApprovalEntity visible(long approvalId) {
        var entity = requests.findById(approvalId).orElseThrow(() -> new NotFoundException("approval.notFound", approvalId));
        String me = me();
        if (!entity.submitter.equals(me) && !currentUser.isAdmin() && !tasks.existsByApprovalIdAndApprover(approvalId, me)) {
            throw new AccessDeniedException("Not a party to approval " + approvalId);
        }
        return entity;
    }

    /**
     * Locks the request a task belongs to, before the task is read: two decisions on one task (a double click, two
     * tabs, two API calls) take turns, and the second reads the task as the first left it.
     */
    private ApprovalEntity lockRequestOf(long taskId) {
        long approvalId = tasks.approvalOf(taskId).orElseThrow(() -> new NotFoundException("approval.task.notFound", taskId));
        return requests.lock(approvalId).orElseThrow(() -> new NotFoundException("approval.task.notFound", taskId));
    }

    private ApprovalTaskEntity myOpenTask(long taskId, String me) {
        var task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("approval.task.notFound", taskId));
        if (!task.approver.equals(me)) {
            throw new AccessDeniedException("Task " + taskId + " is not for " + me);
        }
        if (task.status != ApprovalTask.Status.PENDING) {
            throw new ValidationException(FieldError.of("task", "approval.task.closed"));
        }
        return task;
    }

    private static void requireOpenRound(ApprovalEntity entity, ApprovalTaskEntity task) {
        if (entity.status != Approval.Status.PENDING || task.round != entity.round) {
            throw new ValidationException(FieldError.of("task", "approval.task.closed"));
        }
    }

    private boolean decided(long approvalId) {
        return tasks.findByApprovalIdOrderByIdAsc(approvalId).stream().anyMatch(t -> DECIDED.contains(t.status));
    }

    private String me() {
        return currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private void log(ApprovalEntity entity, String actor, TimelineEntry.Kind kind, String comment, String detail) {
        events.save(new ApprovalEventEntity(entity.id, clock.instant(), actor, kind, cut(comment, 4000), cut(detail, 4000)));
    }

    private void signal(Set<String> usernames) {
        if (!usernames.isEmpty()) {
            publisher.publishEvent(new TasksChanged(Set.copyOf(usernames)));
        }
    }

    Approval view(ApprovalEntity e) {
        return view(e, decided(e.id));
    }

    private Approval view(ApprovalEntity e, boolean decided) {
        return new Approval(e.id, e.workflowKey, e.title, e.collection, e.action, e.recordId, e.beforeSave, data(e), e.submitter,
                e.status, e.nodeTitle, editable(e), decided, e.createdAt, e.updatedAt, e.finishedAt);
    }

    private static ApprovalRules.Policy policy(ApprovalEntity e) {
        var order = "SEQUENTIAL".equals(e.ordering) ? ApprovalRules.Order.SEQUENTIAL : ApprovalRules.Order.PARALLEL;
        return switch (e.agreement == null ? "ANY" : e.agreement) {
            case "ALL" -> ApprovalRules.Policy.all(order);
            case "PERCENT" -> ApprovalRules.Policy.percent(Math.max(1, Math.min(100, e.percent)), order);
            default -> ApprovalRules.Policy.any(order);
        };
    }

    private static List<String> approvers(ApprovalEntity e) {
        return strings(e.approvers);
    }

    private static List<String> editable(ApprovalEntity e) {
        return strings(e.editableFields);
    }

    private static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, Object.class) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        } catch (JacksonException e) {
            return List.of();
        }
    }

    static Map<String, Object> data(ApprovalEntity e) {
        return read(e.data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, Object.class) instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map)
                    : new LinkedHashMap<>();
        } catch (JacksonException e) {
            return new LinkedHashMap<>();
        }
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value == null ? Map.of() : value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
