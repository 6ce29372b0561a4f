package io.actionflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.ExecutionSummary;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual task nodes from the form asked to the workflow going on (issue 28), on every database we run on: who is asked,
 * what a submission must hold, any one or all, drafts, the time limit, and that only the person asked may fill a form.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class ManualTasksContract {

    @Autowired
    ManualTasks forms;

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordQueries queries;

    @Autowired
    UserService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    TransactionTemplate transaction;

    String logs;
    String purchases;
    String anna;
    String ben;
    String carl;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        logs = "mlogs_" + suffix;
        collections.create(new CollectionDraft(logs, "Form logs", null, null));
        collections.addField(logs, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        purchases = "mpurch_" + suffix;
        collections.create(new CollectionDraft(purchases, "Purchases", null, null));
        collections.addField(purchases, FieldDraft.of("amount", FieldType.DECIMAL, FieldSettings.titled("Amount")));
        anna = user("anna" + suffix);
        ben = user("ben" + suffix);
        carl = user("carl" + suffix);
    }

    @Test
    void the_first_submission_of_mode_any_closes_the_others_and_the_workflow_goes_on_with_its_values() {
        var workflow = workflow(Map.of("assignees", List.of(anna), "assigneesFrom", "{{$context.boss}}"), List.of());
        long execution = start(workflow, Map.of("boss", ben, "data", Map.of("amount", 120)));

        long annasForm = awaitForm(anna, execution);
        long bensForm = awaitForm(ben, execution);
        var asked = as(anna, () -> forms.get(annasForm));
        assertThat(asked.title()).isEqualTo("Budget code for 120");
        assertThat(asked.fields()).extracting(f -> f.name() + ":" + f.type() + ":" + f.required())
                .containsExactly("budget_code:TEXT:true", "amount:DECIMAL:false", "priority:SINGLE_SELECT:false");
        assertThat(asked.fields().get(1).title()).isEqualTo("Amount");
        assertThat(asked.values()).containsOnlyKeys("amount");
        assertThat(new BigDecimal(String.valueOf(asked.values().get("amount")))).isEqualByComparingTo("120");
        assertThat(forms.open(anna)).isEqualTo(1);

        // refused: nothing stored, nothing goes on
        assertRefused(anna, annasForm, Map.of("amount", "12abc"), "budget_code", "validation.required");
        assertRefused(anna, annasForm, Map.of("budget_code", "B-7", "amount", "12abc"), "amount", "validation.type.decimal");
        assertRefused(anna, annasForm, Map.of("budget_code", "B-7", "priority", "urgent"), "priority", "validation.option");
        assertRefused(anna, annasForm, Map.of("budget_code", "B-7", "id", 5), "id", "validation.unknownField");
        assertThat(status(execution)).isEqualTo(ExecutionStatus.WAITING);

        // another person's form is not there for them
        assertThatThrownBy(() -> as(carl, () -> forms.get(annasForm))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(carl, () -> forms.submit(annasForm, Map.of("budget_code", "X")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(ben, () -> forms.submit(annasForm, Map.of("budget_code", "X")))).isInstanceOf(NotFoundException.class);

        as(anna, () -> forms.submit(annasForm, Map.of("budget_code", " B-7 ", "amount", "130.5", "priority", "high")));

        awaitStatus(execution, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly("B-7 by " + anna + " for 130.5");
        assertThat(as(ben, () -> forms.get(bensForm)).status()).isEqualTo(ManualTask.Status.CLOSED);
        assertRefused(ben, bensForm, Map.of("budget_code", "late"), "task", "manual.task.closed.closed");
        assertThat(as(anna, () -> forms.mine())).isEmpty();
        assertThat(as(anna, () -> forms.myFinished())).extracting(ManualTask::id).contains(annasForm);
    }

    @Test
    void mode_all_waits_for_everyone_and_a_draft_is_kept_until_submitted() {
        var workflow = workflow(Map.of("assignees", List.of(anna, ben), "mode", "all"), List.of());
        long execution = start(workflow, Map.of("data", Map.of("amount", 10)));
        long annasForm = awaitForm(anna, execution);
        long bensForm = awaitForm(ben, execution);

        // a draft may lack what is required, not hold what a field cannot
        as(ben, () -> forms.saveDraft(bensForm, Map.of("priority", "low")));
        assertThat(as(ben, () -> forms.get(bensForm)).values()).containsEntry("priority", "low").containsKey("amount");
        assertRefused(ben, bensForm, Map.of("amount", "ten"), "amount", "validation.type.decimal");
        assertThatThrownBy(() -> as(ben, () -> forms.saveDraft(bensForm, Map.of("amount", "ten")))).isInstanceOf(ValidationException.class);

        as(anna, () -> forms.submit(annasForm, Map.of("budget_code", "A-1")));
        assertThat(status(execution)).isEqualTo(ExecutionStatus.WAITING);
        assertThat(as(ben, () -> forms.get(bensForm)).status()).isEqualTo(ManualTask.Status.OPEN);

        as(ben, () -> forms.submit(bensForm, Map.of("budget_code", "B-2", "priority", "low")));
        awaitStatus(execution, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly("B-2 by " + ben + " for 10");
        var output = output(execution);
        assertThat((List<?>) output.get("submissions")).hasSize(2);
        assertThat(output).containsEntry("outcome", "submitted");
    }

    @Test
    void when_the_time_runs_out_the_forms_close_and_the_timeout_branch_runs() {
        var late = NodeDef.of("late", "create", Map.of("collection", logs, "values", Map.of("note", "late: {{$jobsMapByNodeKey.ask.outcome}}")));
        var workflow = workflow(Map.of("assignees", List.of(anna), "timeout", "PT2S"), List.of(late));
        long execution = start(workflow, Map.of("data", Map.of("amount", 1)));
        long annasForm = awaitForm(anna, execution);

        awaitStatus(execution, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly("late: timeout", "by  for");
        assertThat(as(anna, () -> forms.get(annasForm)).status()).isEqualTo(ManualTask.Status.EXPIRED);
        assertRefused(anna, annasForm, Map.of("budget_code", "too late"), "task", "manual.task.closed.expired");
    }

    @Test
    void a_canceled_execution_takes_its_forms_out_of_the_to_dos() {
        var workflow = workflow(Map.of("assignees", List.of(anna)), List.of());
        long execution = start(workflow, Map.of("data", Map.of("amount", 1)));
        long annasForm = awaitForm(anna, execution);

        workflows.cancel(execution);

        assertThat(as(anna, () -> forms.get(annasForm)).status()).isEqualTo(ManualTask.Status.CLOSED);
        assertThat(forms.open(anna)).isZero();
    }

    @Test
    void a_node_naming_nobody_who_can_be_asked_fails_the_run_with_its_reason() {
        // a name outright is checked at Enable; one the data gives, when the node runs
        var workflow = workflow(Map.of("assigneesFrom", "{{$context.boss}}"), List.of());
        long execution = start(workflow, Map.of("boss", "nobody-" + UUID.randomUUID(), "data", Map.of("amount", 1)));

        awaitStatus(execution, ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(workflows.execution(execution).orElseThrow().error())).contains("found no one to ask");
    }

    @Test
    void calls_on_one_form_at_once_go_one_by_one_the_first_submission_wins_and_the_others_are_told_why() throws Exception {
        var workflow = workflow(Map.of("assignees", List.of(anna)), List.of());
        long execution = start(workflow, Map.of("data", Map.of("amount", 5)));
        long form = awaitForm(anna, execution);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var go = new java.util.concurrent.CountDownLatch(1);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 4; i++) {
                String code = "C-" + i;
                boolean draft = i == 3;
                calls.add(pool.submit(() -> {
                    go.await();
                    try {
                        as(anna, () -> draft ? forms.saveDraft(form, Map.of("budget_code", code)) : forms.submit(form, Map.of("budget_code", code)));
                        return draft ? "saved" : "submitted";
                    } catch (ValidationException refused) {
                        return refused.errors().getFirst().messageKey();
                    }
                }));
            }
            go.countDown();
            var outcomes = new java.util.ArrayList<String>();
            for (var call : calls) {
                outcomes.add(call.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("submitted"::equals).hasSize(1);
            assertThat(outcomes).allMatch(o -> List.of("submitted", "saved", "manual.task.closed.submitted").contains(o));
        } finally {
            pool.shutdownNow();
        }
        awaitStatus(execution, ExecutionStatus.RESOLVED);
        assertThat(notes()).hasSize(1);
    }

    @Test
    void a_decimal_keeps_every_digit_from_the_form_to_the_workflow() {
        var workflow = workflow(Map.of("assignees", List.of(anna)), List.of());
        long execution = start(workflow, Map.of("data", Map.of("amount", 1)));
        long form = awaitForm(anna, execution);

        as(anna, () -> forms.submit(form, Map.of("budget_code", "P", "amount", "1234567890123.1234567891")));

        awaitStatus(execution, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly("P by " + anna + " for 1234567890123.1234567891");
    }

    @Test
    void an_exported_workflow_imports_with_its_form_and_its_timeout_branch() {
        var late = NodeDef.of("late", "create", Map.of("collection", logs, "values", Map.of("note", "late")));
        var workflow = workflow(Map.of("assignees", List.of(anna), "timeout", "P2D"), List.of(late));

        String document = workflows.export(workflow.id());
        workflows.disable(workflow.id());
        var imported = workflows.importJson(document, true);

        var ask = imported.graph().chain().getFirst();
        assertThat(ask.type()).isEqualTo("manual");
        assertThat(ask.config()).isEqualTo(workflow.graph().chain().getFirst().config());
        assertThat(ask.branch("timeout")).extracting(NodeDef::key).containsExactly("late");
        assertThat(imported.enabled()).isTrue();
    }

    private WorkflowDefinition workflow(Map<String, Object> who, List<NodeDef> onTimeout) {
        var config = new LinkedHashMap<String, Object>(who);
        config.put("title", "Budget code for {{$context.data.amount}}");
        config.put("collection", purchases);
        config.put("fields", List.of(Map.of("name", "budget_code", "title", "Budget code", "type", "text", "required", true),
                Map.of("name", "amount", "value", "{{$context.data.amount}}"),
                Map.of("name", "priority", "type", "single_select", "options", List.of("low", "high"))));
        var ask = new NodeDef("ask", "manual", "Enter the budget code", config, Map.of());
        if (config.containsKey("timeout")) {
            ask = ask.withBranch("timeout", onTimeout);
        }
        var workflow = workflows.create(new WorkflowDraft("Forms " + UUID.randomUUID(), null, TriggerType.POST_ACTION,
                Map.of("collection", purchases), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(ask, NodeDef.of("log", "create", Map.of("collection", logs,
                "values", Map.of("note", "{{$jobsMapByNodeKey.ask.values.budget_code}} by {{$jobsMapByNodeKey.ask.by}} for "
                        + "{{$jobsMapByNodeKey.ask.values.amount}}"))))));
        return workflows.enable(workflow.id());
    }

    private long start(WorkflowDefinition workflow, Map<String, Object> context) {
        return transaction.execute(s -> runner.queue(workflow.id(), context, 0, null));
    }

    private long awaitForm(String person, long execution) {
        await().until(() -> as(person, () -> forms.mine()).stream().anyMatch(f -> f.executionId() == execution));
        return as(person, () -> forms.mine()).stream().filter(f -> f.executionId() == execution).findFirst().orElseThrow().id();
    }

    private void assertRefused(String person, long form, Map<String, Object> values, String field, String key) {
        assertThatThrownBy(() -> as(person, () -> forms.submit(form, values))).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).extracting(FieldError::field, FieldError::messageKey).contains(
                        org.assertj.core.groups.Tuple.tuple(field, key)));
    }

    private ExecutionStatus status(long execution) {
        return workflows.execution(execution).map(ExecutionSummary::status).orElseThrow();
    }

    private void awaitStatus(long execution, ExecutionStatus status) {
        await().until(() -> status(execution) == status);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> output(long execution) {
        return (Map<String, Object>) workflows.jobs(execution).stream().filter(j -> j.nodeKey().equals("ask")).reduce((a, b) -> b)
                .orElseThrow().output();
    }

    private List<String> notes() {
        return queries.find(logs, RecordQuery.firstPage(100)).stream().map(r -> String.valueOf(r.get("note"))).toList();
    }

    private String user(String username) {
        return Members.create(users, username);
    }

    /** Runs {@code work} signed in as {@code username}, a member. */
    private <T> T as(String username, Supplier<T> work) {
        return Members.as(contexts, username, work);
    }

    /** Polls in the test's thread, which carries the signed-in admin; bounded. */
    private static ConditionFactory await() {
        return Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
