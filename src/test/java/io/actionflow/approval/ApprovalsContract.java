package io.actionflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.English;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.ExecutionQuery;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Approval workflows from click to record (issue 7), on every database we run on. Subclasses choose the database. */
@WithMockUser(username = "admin", roles = "admin")
abstract class ApprovalsContract {

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    ApprovalService approvals;

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    UserService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    ApplicationContext context;

    String purchases;
    String clerk;
    String a1;
    String a2;
    String a3;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        purchases = "purchases_" + suffix;
        collections.create(new CollectionDraft(purchases, "Purchases", null, null));
        collections.addField(purchases, FieldDraft.of("item", FieldType.TEXT, FieldSettings.titled("Item").withRequired(true)));
        collections.addField(purchases, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        clerk = user("clerk" + suffix);
        a1 = user("ann" + suffix);
        a2 = user("bob" + suffix);
        a3 = user("cid" + suffix);
    }

    @Test
    void before_save_writes_nothing_until_final_approval_then_the_values_the_approver_changed() {
        var workflow = approval(true, Map.of("approvers", List.of(a1), "editableFields", List.of("amount")));

        var held = submit(workflow, Map.of("item", "Chairs", "amount", 120));

        assertThat(held.messages()).extracting(m -> m.format((k, a) -> English.of(new io.actionflow.platform.Text(k, List.of(a)))))
                .containsExactly("Submitted for approval.");
        long id = held.approvals().getFirst();
        long task = awaitTask(a1, id);
        assertThat(count()).isZero();
        assertThatThrownBy(() -> as(a1, () -> approvals.approve(task, null, Map.of("item", "Tables"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.messageKey()).isEqualTo("approval.field.notEditable")));
        assertThat(count()).isZero();

        as(a1, () -> approvals.approve(task, "Fine at 100", Map.of("amount", 100)));

        var done = awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(done.recordId()).isNotNull();
        var written = queries.get(purchases, done.recordId()).orElseThrow();
        assertThat(written.values()).containsEntry("item", "Chairs").containsEntry("amount", 100L);
        assertThat(kinds(clerk, id)).containsExactly(TimelineEntry.Kind.SUBMITTED, TimelineEntry.Kind.ASKED, TimelineEntry.Kind.CHANGED,
                TimelineEntry.Kind.APPROVED, TimelineEntry.Kind.COMPLETED, TimelineEntry.Kind.SAVED);
        assertThat(execution(workflow).status()).isEqualTo(ExecutionStatus.RESOLVED);
    }

    @Test
    void a_decision_taken_the_moment_its_task_appears_wakes_the_execution() throws Exception {
        // the runner's step that asks commits, and only then lets go of the execution: a decision taken in between
        // (an approver who answers at once, an API client polling its to-dos) must still wake it
        var workflow = approval(true, Map.of("approvers", List.of(a1)));
        var submitted = new CompletableFuture<Long>();
        var once = new AtomicBoolean();
        var decision = new CompletableFuture<Void>();
        ApplicationListener<ApplicationEvent> decideAtOnce = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof TasksChanged changed && changed.usernames().contains(a1)
                    && TransactionSynchronizationManager.isSynchronizationActive()
                    && once.compareAndSet(false, true)) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        // the ask is committed; the runner waits here, before it hands the execution back
                        var decider = Thread.ofPlatform().start(() -> {
                            try {
                                long id = submitted.get(10, TimeUnit.SECONDS);
                                as(a1, () -> approvals.reject(tasks(a1, id).getFirst(), "At once"));
                                decision.complete(null);
                            } catch (Exception | AssertionError e) {
                                decision.completeExceptionally(e);
                            }
                        });
                        try {
                            decider.join(Duration.ofSeconds(20));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            }
        };
        var multicaster = context.getBean(ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(decideAtOnce);
        try {
            long id = submit(workflow, Map.of("item", "Answered at once", "amount", 10)).approvals().getFirst();
            submitted.complete(id);
            decision.get(30, TimeUnit.SECONDS);

            awaitStatus(clerk, id, Approval.Status.REJECTED);
            await().until(() -> execution(workflow).status() == ExecutionStatus.REJECTED);
        } finally {
            multicaster.removeApplicationListener(decideAtOnce);
        }
    }

    @Test
    void a_rejection_writes_nothing_and_ends_the_execution_rejected() {
        var workflow = approval(true, Map.of("approvers", List.of(a1)));
        long id = submit(workflow, Map.of("item", "Gold taps", "amount", 9000)).approvals().getFirst();

        as(a1, () -> approvals.reject(awaitTask(a1, id), "Too dear"));

        assertThat(awaitStatus(clerk, id, Approval.Status.REJECTED).recordId()).isNull();
        assertThat(count()).isZero();
        await()
                .until(() -> execution(workflow).status() == ExecutionStatus.REJECTED);
        assertThat(as(clerk, () -> approvals.timeline(id))).filteredOn(e -> e.kind() == TimelineEntry.Kind.REJECTED)
                .singleElement().satisfies(e -> assertThat(e.comment()).isEqualTo("Too dear"));
    }

    @Test
    void after_save_writes_first_and_locks_the_record_until_the_approval_ends() {
        var workflow = approval(false, Map.of("approvers", List.of(a1)));
        var held = submit(workflow, Map.of("item", "Desk", "amount", 300));
        long id = held.approvals().getFirst();
        assertThat(count()).isEqualTo(1);
        long recordId = as(clerk, () -> approvals.get(id)).recordId();

        var edit = dispatcher.dispatch(request(Action.UPDATE, List.of(recordId), Map.of("amount", 1)));
        assertThat(edit).isInstanceOf(ActionResult.Blocked.class);
        assertThat(English.of(new io.actionflow.platform.Text(edit.messages().getFirst().key(), edit.messages().getFirst().args())))
                .contains("waiting for approval");
        assertThat(dispatcher.dispatch(request(Action.DESTROY, List.of(recordId), Map.of()))).isInstanceOf(ActionResult.Blocked.class);

        as(a1, () -> approvals.approve(awaitTask(a1, id), null, Map.of()));
        awaitStatus(clerk, id, Approval.Status.APPROVED);

        assertThat(dispatcher.dispatch(request(Action.UPDATE, List.of(recordId), Map.of("amount", 1)))).isInstanceOf(ActionResult.Done.class);
        assertThat(queries.get(purchases, recordId).orElseThrow().values()).containsEntry("amount", 1L);
    }

    @Test
    void all_in_sequence_asks_one_after_another_and_one_rejection_rejects() {
        var workflow = approval(true, Map.of("approvers", List.of(a1, a2, a3), "agreement", "all", "order", "sequential"));
        long id = submit(workflow, Map.of("item", "Laptop", "amount", 1500)).approvals().getFirst();

        long first = awaitTask(a1, id);
        assertThat(tasks(a2, id)).isEmpty();
        as(a1, () -> approvals.approve(first, null, Map.of()));
        long second = awaitTask(a2, id);
        assertThat(tasks(a3, id)).isEmpty();
        as(a2, () -> approvals.reject(second, "No budget"));

        awaitStatus(clerk, id, Approval.Status.REJECTED);
        assertThat(tasks(a3, id)).isEmpty();
        assertThat(count()).isZero();
    }

    @Test
    void a_percentage_in_parallel_asks_everyone_and_decides_once_enough_have_approved() {
        var workflow = approval(true, Map.of("approvers", List.of(a1, a2, a3), "agreement", "percent", "percent", 60));
        long id = submit(workflow, Map.of("item", "Printer", "amount", 200)).approvals().getFirst();

        long first = awaitTask(a1, id);
        long second = awaitTask(a2, id);
        awaitTask(a3, id);
        as(a1, () -> approvals.approve(first, null, Map.of()));
        assertThat(as(clerk, () -> approvals.get(id)).status()).isEqualTo(Approval.Status.PENDING);
        as(a2, () -> approvals.approve(second, null, Map.of()));

        awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(tasks(a3, id)).isEmpty();
        assertThat(as(clerk, () -> approvals.tasks(id))).filteredOn(t -> t.approver().equals(a3)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(ApprovalTask.Status.CLOSED));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void any_one_in_parallel_decides_with_the_first_answer() {
        var workflow = approval(true, Map.of("approvers", List.of(a1, a2), "agreement", "any"));
        long id = submit(workflow, Map.of("item", "Pens", "amount", 5)).approvals().getFirst();

        awaitTask(a1, id);
        as(a2, () -> approvals.approve(awaitTask(a2, id), null, Map.of()));

        awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(tasks(a1, id)).isEmpty();
    }

    @Test
    void the_submitter_may_withdraw_only_until_the_first_decision() {
        var workflow = approval(true, Map.of("approvers", List.of(a1, a2), "agreement", "all"));
        long early = submit(workflow, Map.of("item", "Lamp", "amount", 40)).approvals().getFirst();
        awaitTask(a1, early);

        as(clerk, () -> approvals.withdraw(early, "Bought it myself"));

        assertThat(as(clerk, () -> approvals.get(early)).status()).isEqualTo(Approval.Status.WITHDRAWN);
        assertThat(tasks(a1, early)).isEmpty();
        await().until(() -> workflows
                .executions(ExecutionQuery.of(workflow.key()), 0, 10).stream().allMatch(e -> e.status().isFinal()));
        assertThat(as(clerk, () -> approvals.get(early)).status()).isEqualTo(Approval.Status.WITHDRAWN);

        long late = submit(workflow, Map.of("item", "Rug", "amount", 80)).approvals().getFirst();
        as(a1, () -> approvals.approve(awaitTask(a1, late), null, Map.of()));
        assertThatThrownBy(() -> as(clerk, () -> approvals.withdraw(late, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.messageKey()).isEqualTo("approval.withdraw.tooLate")));
        assertThat(count()).isZero();
    }

    @Test
    void delegating_moves_the_task_to_the_delegate_who_decides_in_the_approvers_place() {
        var workflow = approval(true, Map.of("approvers", List.of(a1)));
        long id = submit(workflow, Map.of("item", "Bike", "amount", 700)).approvals().getFirst();

        as(a1, () -> approvals.delegate(awaitTask(a1, id), a2, "On holiday"));

        assertThat(tasks(a1, id)).isEmpty();
        long delegated = awaitTask(a2, id);
        assertThat(as(clerk, () -> approvals.tasks(id))).filteredOn(t -> t.id() == delegated).singleElement()
                .satisfies(t -> assertThat(t.delegatedFrom()).isEqualTo(a1));
        as(a2, () -> approvals.approve(delegated, null, Map.of()));

        awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(kinds(clerk, id)).contains(TimelineEntry.Kind.DELEGATED);
    }

    @Test
    void the_submitter_is_never_asked_to_approve_their_own_request_unless_the_node_allows_it() {
        // named among the approvers: left out, the others are asked
        var workflow = approval(true, Map.of("approvers", List.of(clerk, a1), "agreement", "all"));
        long id = submit(workflow, Map.of("item", "Boat", "amount", 900)).approvals().getFirst();
        awaitTask(a1, id);
        assertThat(tasks(clerk, id)).isEmpty();
        assertThat(as(clerk, () -> approvals.tasks(id))).extracting(ApprovalTask::approver).containsExactly(a1);

        // nobody to hand it to: a delegation to the submitter is refused, nothing moves
        assertThatThrownBy(() -> as(a1, () -> approvals.delegate(awaitTask(a1, id), clerk, "You decide")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.messageKey()).isEqualTo("approval.delegate.submitter")));
        assertThat(tasks(clerk, id)).isEmpty();
        assertThat(tasks(a1, id)).hasSize(1);

        // only the submitter named: the execution fails with the reason, and nothing is written
        var alone = approval(true, Map.of("approvers", List.of(clerk)));
        long lone = submit(alone, Map.of("item", "Car", "amount", 9000)).approvals().getFirst();
        await().until(() -> execution(alone).status() == ExecutionStatus.FAILED);
        assertThat(tasks(clerk, lone)).isEmpty();
        assertThat(count()).isZero();

        // a node that allows it asks the submitter, who may then decide
        var allowed = approval(true, Map.of("approvers", List.of(clerk), "submitterMayApprove", true));
        long own = submit(allowed, Map.of("item", "Pen", "amount", 2)).approvals().getFirst();
        as(clerk, () -> approvals.approve(awaitTask(clerk, own), null, Map.of()));
        awaitStatus(clerk, own, Approval.Status.APPROVED);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void a_returned_request_is_changed_and_resubmitted_and_the_approver_is_asked_again() {
        var workflow = approval(true, Map.of("approvers", List.of(a1)));
        long id = submit(workflow, Map.of("item", "Monitor", "amount", 400)).approvals().getFirst();
        long first = awaitTask(a1, id);

        assertThatThrownBy(() -> as(a1, () -> approvals.giveBack(first, " "))).isInstanceOf(ValidationException.class);
        as(a1, () -> approvals.giveBack(first, "Which model? Find a cheaper one"));
        assertThat(as(clerk, () -> approvals.get(id)).status()).isEqualTo(Approval.Status.RETURNED);
        assertThat(tasks(a1, id)).isEmpty();
        assertThatThrownBy(() -> as(clerk, () -> approvals.resubmit(id, Map.of("amount", "lots"), null)))
                .isInstanceOf(ValidationException.class);

        as(clerk, () -> approvals.resubmit(id, Map.of("item", "Monitor 24in", "amount", 250), "Cheaper model"));
        long second = awaitTask(a1, id);
        assertThat(second).isNotEqualTo(first);
        as(a1, () -> approvals.approve(second, null, Map.of()));

        var done = awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(queries.get(purchases, done.recordId()).orElseThrow().values()).containsEntry("item", "Monitor 24in")
                .containsEntry("amount", 250L);
        assertThat(kinds(clerk, id)).containsSubsequence(TimelineEntry.Kind.RETURNED, TimelineEntry.Kind.RESUBMITTED,
                TimelineEntry.Kind.ASKED, TimelineEntry.Kind.APPROVED, TimelineEntry.Kind.SAVED);
    }

    @Test
    void a_restart_in_the_middle_loses_no_pending_task() {
        var workflow = approval(true, Map.of("approvers", List.of(a1, a2), "agreement", "all", "order", "sequential"));
        long id = submit(workflow, Map.of("item", "Server", "amount", 5000)).approvals().getFirst();
        long first = awaitTask(a1, id);
        var runner = asyncRunner();

        runner.stop();
        try {
            // decided while no node runs workflows: the execution goes on when one starts again
            as(a1, () -> approvals.approve(first, null, Map.of()));
        } finally {
            runner.start();
        }
        long second = awaitTask(a2, id);
        runner.stop();
        runner.start();
        assertThat(tasks(a2, id)).containsExactly(second);
        as(a2, () -> approvals.approve(second, null, Map.of()));

        awaitStatus(clerk, id, Approval.Status.APPROVED);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void a_blocking_pre_action_starts_no_approval() {
        var pre = workflows.create(new WorkflowDraft("Check " + purchases, null, TriggerType.PRE_ACTION, Map.of("collection", purchases), true, 0));
        workflows.updateGraph(pre.id(), new WorkflowGraph(List.of(NodeDef.of("stop", "end", Map.of("status", "fail")))));
        workflows.enable(pre.id());
        var workflow = approval(true, Map.of("approvers", List.of(a1)));

        var result = dispatcher.dispatch(new ActionRequest(purchases, Action.CREATE, List.of(), Map.of("item", "Boat"),
                List.of(new WorkflowBinding(pre.key(), null), new WorkflowBinding(workflow.key(), null)), clerk, "member",
                ActionSource.UI, null));

        assertThat(result).isInstanceOf(ActionResult.Blocked.class);
        assertThat(as(clerk, approvals::mySubmissions)).isEmpty();
        assertThat(workflows.executions(ExecutionQuery.of(workflow.key()), 0, 10)).isEmpty();
    }

    @Test
    void only_the_roles_the_trigger_names_may_submit_and_invalid_values_are_refused_at_once() {
        var workflow = workflows.create(new WorkflowDraft("Admins only " + purchases, null, TriggerType.APPROVAL,
                Map.of("collection", purchases, "roles", List.of("admin")), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(NodeDef.of("ask", "approval", Map.of("approvers", List.of(a1))))));
        workflows.enable(workflow.id());

        assertThat(dispatcher.dispatch(new ActionRequest(purchases, Action.CREATE, List.of(), Map.of("item", "Car"),
                List.of(new WorkflowBinding(workflow.key(), null)), clerk, "member", ActionSource.UI, null)))
                .isInstanceOf(ActionResult.Blocked.class);
        var open = approval(true, Map.of("approvers", List.of(a1)));
        assertThat(submitResult(open, Map.of("amount", 3))).isInstanceOf(ActionResult.Invalid.class);
        assertThat(as(clerk, approvals::mySubmissions)).isEmpty();
    }

    @Test
    void an_approval_whose_condition_does_not_hold_lets_the_submission_be_written_at_once() {
        var workflow = approval(Map.of("collection", purchases, "mode", "beforeSave", "condition", "$context.data.amount > 500"),
                Map.of("approvers", List.of(a1)));

        assertThat(submitResult(workflow, Map.of("item", "Mouse", "amount", 20))).isInstanceOf(ActionResult.Done.class);
        assertThat(count()).isEqualTo(1);
        assertThat(submitResult(workflow, Map.of("item", "Sofa", "amount", 900))).isInstanceOf(ActionResult.Held.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void approved_values_that_can_no_longer_be_written_leave_the_request_failed_with_the_reason_and_nothing_written() {
        var post = workflows.create(new WorkflowDraft("Refuse " + purchases, null, TriggerType.POST_ACTION, Map.of("collection", purchases), true, 0));
        workflows.updateGraph(post.id(), new WorkflowGraph(List.of(
                NodeDef.of("say", "response-message", Map.of("message", "The budget is closed for this year.")),
                NodeDef.of("stop", "end", Map.of("status", "fail")))));
        workflows.enable(post.id());
        var workflow = approval(true, Map.of("approvers", List.of(a1)));
        var result = dispatcher.dispatch(new ActionRequest(purchases, Action.CREATE, List.of(), Map.of("item", "Plant", "amount", 30),
                List.of(new WorkflowBinding(workflow.key(), null), new WorkflowBinding(post.key(), null)), clerk, "member",
                ActionSource.UI, null));
        long id = ((ActionResult.Held) result).approvals().getFirst();

        as(a1, () -> approvals.approve(awaitTask(a1, id), null, Map.of()));

        awaitStatus(clerk, id, Approval.Status.FAILED);
        assertThat(count()).isZero();
        assertThat(as(clerk, () -> approvals.timeline(id))).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEntry.Kind.FAILED);
            assertThat(e.detail()).isEqualTo("The budget is closed for this year.");
        });
    }

    @Test
    void enabling_checks_approval_nodes_where_they_are_and_what_they_say() {
        var post = workflows.create(new WorkflowDraft("Not an approval", null, TriggerType.POST_ACTION, Map.of("collection", purchases), false, 0));
        workflows.updateGraph(post.id(), new WorkflowGraph(List.of(NodeDef.of("ask", "approval", Map.of("approvers", List.of(a1))))));
        var approval = workflows.create(new WorkflowDraft("Nobody asked", null, TriggerType.APPROVAL, Map.of("collection", purchases), false, 0));
        workflows.updateGraph(approval.id(), new WorkflowGraph(List.of(NodeDef.of("ask", "approval",
                Map.of("agreement", "percent", "percent", 120)))));

        assertThatThrownBy(() -> workflows.enable(post.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(error -> English.of(new io.actionflow.platform.Text(error.messageKey(), error.args())))
                        .containsExactly("Node ask (approval) only works in an approval workflow."));
        assertThatThrownBy(() -> workflows.enable(approval.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(error -> English.of(new io.actionflow.platform.Text(error.messageKey(), error.args())))
                        .containsExactly("Approval node ask names no approvers: choose users, a role or a variable.",
                                "Approval node ask needs a percentage from 1 to 100."));
    }

    // --- helpers

    private WorkflowDefinition approval(boolean beforeSave, Map<String, Object> node) {
        return approval(Map.of("collection", purchases, "mode", beforeSave ? "beforeSave" : "afterSave"), node);
    }

    private WorkflowDefinition approval(Map<String, Object> trigger, Map<String, Object> node) {
        var workflow = workflows.create(new WorkflowDraft("Approve " + UUID.randomUUID().toString().substring(0, 6), null,
                TriggerType.APPROVAL, trigger, false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(new NodeDef("ask", "approval", "Manager", node, Map.of()))));
        return workflows.enable(workflow.id());
    }

    private ActionResult.Held submit(WorkflowDefinition workflow, Map<String, Object> values) {
        var result = submitResult(workflow, values);
        assertThat(result).isInstanceOf(ActionResult.Held.class);
        return (ActionResult.Held) result;
    }

    private ActionResult submitResult(WorkflowDefinition workflow, Map<String, Object> values) {
        return dispatcher.dispatch(new ActionRequest(purchases, Action.CREATE, List.of(), values,
                List.of(new WorkflowBinding(workflow.key(), null)), clerk, "member", ActionSource.UI, null));
    }

    private ActionRequest request(Action action, List<Long> ids, Map<String, Object> values) {
        return new ActionRequest(purchases, action, ids, values, List.of(), clerk, "member", ActionSource.UI, null);
    }

    private String user(String username) {
        return Members.create(users, username);
    }

    /** Runs {@code work} signed in as {@code username}, a member. */
    private <T> T as(String username, Supplier<T> work) {
        return Members.as(contexts, username, work);
    }

    private List<Long> tasks(String approver, long approvalId) {
        return as(approver, approvals::myToDos).stream().filter(t -> t.approval().id() == approvalId).map(t -> t.task().id()).toList();
    }

    private long awaitTask(String approver, long approvalId) {
        await().until(() -> !tasks(approver, approvalId).isEmpty());
        return tasks(approver, approvalId).getFirst();
    }

    private Approval awaitStatus(String submitter, long approvalId, Approval.Status status) {
        await().until(() -> as(submitter, () -> approvals.get(approvalId)).status() == status);
        return as(submitter, () -> approvals.get(approvalId));
    }

    private List<TimelineEntry.Kind> kinds(String who, long approvalId) {
        return as(who, () -> approvals.timeline(approvalId)).stream().map(TimelineEntry::kind).toList();
    }

    private io.actionflow.workflow.ExecutionSummary execution(WorkflowDefinition workflow) {
        return workflows.executions(ExecutionQuery.of(workflow.key()), 0, 10).getFirst();
    }

    private long count() {
        return queries.count(purchases, Filter.all());
    }

    /** The asynchronous runner, to stop and start as a restart of this node would. */
    private SmartLifecycle asyncRunner() {
        return context.getBeansOfType(SmartLifecycle.class).values().stream()
                .filter(b -> b.getClass().getSimpleName().startsWith("AsyncWorkflows")).findFirst().orElseThrow();
    }

    private static org.awaitility.core.ConditionFactory await() {
        return org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
