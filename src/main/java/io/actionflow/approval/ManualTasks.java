package io.actionflow.approval;

import io.actionflow.access.Access;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Inbox;
import io.actionflow.platform.Links;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import io.actionflow.workflow.ExecutionEnded;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.TaskPort;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual tasks: the forms a Manual task node asks people to fill in, one per person, in their to-dos. A person saves a
 * draft or submits; a submission that completes the node (the first, or the last of all) lets the waiting execution
 * go on, on whichever instance picks it up. Only the person asked may read or fill in their form.
 */
@Service
@Transactional
public class ManualTasks implements TaskPort {

    private final ManualTaskRepository tasks;
    private final Assignees assignees;
    private final CollectionService collections;
    private final Access access;
    private final CurrentUser currentUser;
    private final Inbox inbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** Looked up when a form is submitted: the runner runs the node that asks this service. */
    private final ObjectProvider<WorkflowRunner> runner;

    ManualTasks(ManualTaskRepository tasks, Assignees assignees, CollectionService collections, Access access,
            CurrentUser currentUser, Inbox inbox, ApplicationEventPublisher publisher, Clock clock, ObjectProvider<WorkflowRunner> runner) {
        this.tasks = tasks;
        this.assignees = assignees;
        this.collections = collections;
        this.access = access;
        this.currentUser = currentUser;
        this.inbox = inbox;
        this.publisher = publisher;
        this.clock = clock;
        this.runner = runner;
    }

    @Override
    public List<String> ask(Ask ask) {
        var existing = tasks.findByExecutionIdAndJobKeyOrderByIdAsc(ask.executionId(), ask.jobKey());
        if (!existing.isEmpty()) {
            return existing.stream().map(t -> t.assignee).toList();
        }
        var people = assignees.resolve(ask.named(), ask.role(), List.of());
        if (people.isEmpty()) {
            return List.of();
        }
        var fields = TaskForms.of(ask, collections);
        var start = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : fields) {
            // a starting value the field cannot hold is left out rather than stopping the workflow
            Object value = field.typed(ask.values().get(field.name()));
            if (value != null) {
                start.put(field.name(), TaskForms.plain(value));
            }
        }
        Instant now = clock.instant();
        String form = TaskForms.write(fields.stream().map(TaskForms::describe).toList());
        String draft = TaskForms.write(start);
        for (String person : people) {
            var task = tasks.save(new ManualTaskEntity(ask.executionId(), ask.jobKey(), ask.nodeKey(), ask.title(),
                    cut(ask.description()), form, ask.all(), person, draft, ask.due(), now));
            inbox.send(List.of(person), Text.of("manual.inbox.title").encoded(), Text.of("manual.inbox.asked", ask.title()).encoded(),
                    Links.form(task.id));
        }
        signal(Set.copyOf(people));
        return people;
    }

    @Override
    @Transactional(readOnly = true)
    public Progress progress(long executionId, String jobKey) {
        var group = tasks.findByExecutionIdAndJobKeyOrderByIdAsc(executionId, jobKey);
        var submissions = group.stream().filter(t -> t.status == ManualTask.Status.SUBMITTED)
                .sorted(Comparator.comparing(t -> t.submittedAt))
                .map(t -> new Submission(t.assignee, TaskForms.read(t.submitted), t.submittedAt)).toList();
        var open = group.stream().filter(t -> t.status == ManualTask.Status.OPEN).map(t -> t.assignee).toList();
        boolean all = !group.isEmpty() && group.getFirst().all;
        boolean done = all ? open.isEmpty() && !submissions.isEmpty() : !submissions.isEmpty();
        return new Progress(done, all ? submissions : submissions.stream().limit(1).toList(), open);
    }

    @Override
    public List<String> remind(long executionId, String jobKey) {
        var open = tasks.findByExecutionIdAndJobKeyOrderByIdAsc(executionId, jobKey).stream()
                .filter(t -> t.status == ManualTask.Status.OPEN).toList();
        for (var task : open) {
            inbox.send(List.of(task.assignee), Text.of("manual.inbox.reminder.title").encoded(),
                    Text.of("manual.inbox.reminder", task.title).encoded(), Links.form(task.id));
        }
        return open.stream().map(t -> t.assignee).toList();
    }

    @Override
    public void expire(long executionId, String jobKey) {
        close(tasks.findByExecutionIdAndJobKeyOrderByIdAsc(executionId, jobKey), ManualTask.Status.EXPIRED);
    }

    /**
     * The execution ended while its forms were still open (canceled, failed): they leave the to-dos. One that resolved
     * went past each of its Manual task nodes, which closed their forms then: nothing to read for it.
     */
    @EventListener
    void ended(ExecutionEnded ended) {
        if (ended.status() != ExecutionStatus.RESOLVED) {
            close(tasks.findByExecutionIdOrderByIdAsc(ended.executionId()), ManualTask.Status.CLOSED);
        }
    }

    /** The signed-in user's open forms, oldest first. */
    @Transactional(readOnly = true)
    public List<ManualTask> mine() {
        return tasks.findByAssigneeAndStatusOrderByCreatedAtAsc(me(), ManualTask.Status.OPEN).stream().map(this::view).toList();
    }

    /** The signed-in user's forms that are no longer open, latest first. */
    @Transactional(readOnly = true)
    public List<ManualTask> myFinished() {
        return tasks.findTop200ByAssigneeAndStatusNotOrderByUpdatedAtDesc(me(), ManualTask.Status.OPEN).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public long open(String username) {
        return tasks.countByAssigneeAndStatus(username, ManualTask.Status.OPEN);
    }

    /** One of the signed-in user's forms; another person's is not found. */
    @Transactional(readOnly = true)
    public ManualTask get(long id) {
        return view(owned(id));
    }

    /** Keeps what the form holds for later; values of the wrong type are refused, empty required fields are not. */
    public ManualTask saveDraft(long id, Map<String, ?> values) {
        var task = locked(id).task();
        requireOpen(task);
        var typed = TaskForms.check(TaskForms.fields(task.form), values, false, access);
        var draft = TaskForms.read(task.draft);
        draft.putAll(typed);
        task.draft = TaskForms.write(draft);
        task.updatedAt = clock.instant();
        return view(task);
    }

    /**
     * Submits the form: the values given over those it holds (as it started, or as last saved). They are checked as the
     * fields ask (type, required, options, range); the first to submit a form of mode any closes the others'. When the
     * node has what it waits for, its execution goes on.
     */
    public ManualTask submit(long id, Map<String, ?> values) {
        var locked = locked(id);
        var task = locked.task();
        var group = locked.group();
        requireOpen(task);
        // the draft holds only the form's fields: it is written from them
        var merged = TaskForms.read(task.draft);
        if (values != null) {
            merged.putAll(values);
        }
        var typed = TaskForms.check(TaskForms.fields(task.form), merged, true, access);
        Instant now = clock.instant();
        task.status = ManualTask.Status.SUBMITTED;
        task.submitted = TaskForms.write(typed);
        task.draft = task.submitted;
        task.submittedAt = now;
        task.updatedAt = now;
        var others = group.stream().filter(t -> t != task && t.status == ManualTask.Status.OPEN).toList();
        if (!task.all) {
            close(others, ManualTask.Status.CLOSED);
        }
        if (!task.all || others.isEmpty()) {
            runner.getObject().resume(task.executionId);
        }
        signal(Set.of(task.assignee));
        return view(task);
    }

    /** A form and the others of its run, locked: calls on them at once (two submits, a save and a submit) go one by one. */
    private record Locked(ManualTaskEntity task, List<ManualTaskEntity> group) {
    }

    private Locked locked(long id) {
        var run = tasks.groupOf(id, me()).orElseThrow(() -> new NotFoundException("manual.task.missing", id));
        var group = tasks.findForUpdateByExecutionIdAndJobKeyOrderByIdAsc(run.getExecutionId(), run.getJobKey());
        return new Locked(group.stream().filter(t -> t.id == id).findFirst().orElseThrow(() -> new NotFoundException("manual.task.missing", id)),
                group);
    }

    private ManualTaskEntity owned(long id) {
        String me = me();
        return tasks.findById(id).filter(t -> t.assignee.equals(me)).orElseThrow(() -> new NotFoundException("manual.task.missing", id));
    }

    private static void requireOpen(ManualTaskEntity task) {
        if (task.status != ManualTask.Status.OPEN) {
            throw new ValidationException(FieldError.of("task", "manual.task.closed." + task.status.name().toLowerCase(Locale.ROOT)));
        }
    }

    private void close(List<ManualTaskEntity> group, ManualTask.Status status) {
        var touched = new HashSet<String>();
        for (var task : group) {
            if (task.status == ManualTask.Status.OPEN) {
                task.status = status;
                task.updatedAt = clock.instant();
                touched.add(task.assignee);
            }
        }
        signal(touched);
    }

    private ManualTask view(ManualTaskEntity t) {
        return new ManualTask(t.id, t.executionId, t.title, t.description, TaskForms.fields(t.form),
                TaskForms.read(t.status == ManualTask.Status.SUBMITTED ? t.submitted : t.draft), t.all, t.assignee, t.status, t.dueAt, t.createdAt,
                t.submittedAt);
    }

    private String me() {
        return currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private void signal(Set<String> usernames) {
        if (!usernames.isEmpty()) {
            publisher.publishEvent(new TasksChanged(Set.copyOf(usernames)));
        }
    }

    private static String cut(String text) {
        return text == null || text.isBlank() ? null : text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
