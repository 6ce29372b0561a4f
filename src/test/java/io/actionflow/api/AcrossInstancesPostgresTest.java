package io.actionflow.api;

import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQuery;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.Application;
import io.actionflow.PostgresTest;
import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Inbox;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSignal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances on one PostgreSQL database (issues 16 and 17): what one of them caches is as last committed, so a
 * token revoked, an account disabled or a role removed on the other is refused on it within a second, and a workflow
 * disabled or a field added within five.
 */
@PostgresTest
@WithMockUser(username = "admin", roles = "admin")
class AcrossInstancesPostgresTest {

    /** What the issue allows: refused on every instance within 1 s. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** What docs/operations.md says of collections and workflows: seen everywhere within 5 s (their TTL). */
    private static final Duration DEFINITIONS = Duration.ofSeconds(5).plusMillis(500);

    private static ConfigurableApplicationContext other;
    private static ApiClient onOther;

    @Autowired
    CollectionService collections;

    @Autowired
    UserService users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Roles roles;

    @Autowired
    Permissions permissions;

    @Autowired
    io.actionflow.workflow.WorkflowService workflows;

    @Autowired
    io.actionflow.collections.RecordQueries queries;

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate transaction;

    /**
     * The second instance: the same application and database, its own port and caches; started once the first has
     * made the schema.
     */
    @BeforeEach
    void startTheOtherInstance() {
        if (other != null) {
            return;
        }
        other = startInstance();
        onOther = new ApiClient(Integer.parseInt(other.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** Another instance of the application on the same database, with its own port and caches. */
    private static ConfigurableApplicationContext startInstance() {
        // arguments, so that they win over the test profile's own database
        return new SpringApplicationBuilder(Application.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + System.getenv("ACTIONFLOW_TEST_POSTGRES_URL"),
                "--spring.datasource.username=" + System.getenv().getOrDefault("ACTIONFLOW_TEST_POSTGRES_USER", "postgres"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("ACTIONFLOW_TEST_POSTGRES_PASSWORD", ""),
                "--spring.datasource.hikari.maximum-pool-size=4");
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void a_signal_committed_here_reaches_the_screens_open_there_and_one_rolled_back_does_not() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String kept = "sig-kept-" + s;
        String dropped = "sig-dropped-" + s;
        for (String username : List.of(kept, dropped)) {
            users.create(new UserDraft(username, "Signal", null, "signal-password-1",
                    Set.of(Role.MEMBER_ID)));
        }
        var heard = new CopyOnWriteArrayList<String>();
        ApplicationListener<ApplicationEvent> screens = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof UserSignal signal) {
                heard.addAll(signal.usernames());
            }
        };
        var multicaster = other.getBean(ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(screens);
        try {
            transaction.executeWithoutResult(status -> {
                inbox.send(List.of(dropped), "Never", "Rolled back");
                status.setRollbackOnly();
            });
            long sent = System.nanoTime();
            inbox.send(List.of(kept), "Hello", "From the first instance");
            Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> heard.contains(kept));
            System.out.printf("A signal reached the other instance in %d ms%n", (System.nanoTime() - sent) / 1_000_000);
            assertThat(heard).doesNotContain(dropped);
        } finally {
            multicaster.removeApplicationListener(screens);
        }
    }

    @Test
    void a_revoked_token_a_disabled_account_and_a_removed_role_are_refused_on_the_other_instance_within_a_second() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String notes = "notes_" + s;
        collections.create(new CollectionDraft(notes, "Notes", null, null));
        collections.addField(notes, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));
        String role = "readers_" + s;
        roles.create(role, "Readers " + s);
        permissions.save(role, notes, Grant.READ_ONLY);
        String plain = "plain_" + s;
        roles.create(plain, "Plain " + s);
        String list = "/api/" + notes + ":list";
        // the account holds two roles: its calls act with the readers' role
        Map<String, String> asReader = Map.of("X-Role", role);

        // revoked here, refused there
        String name = "ops_" + s;
        var account = users.create(new UserDraft(name, "Ops", null, "ops-password-1", Set.of(role, plain)));
        var issued = tokens.create(name, "across");
        assertThat(onOther.send("GET", list, issued.secret(), null, asReader).status()).isEqualTo(200);
        tokens.revoke(issued.token().id());
        assertRefusedWithin(() -> onOther.send("GET", list, issued.secret(), null, asReader).status(), 401);

        // disabled here, refused there
        String second = tokens.create(name, "across 2").secret();
        assertThat(onOther.send("GET", list, second, null, asReader).status()).isEqualTo(200);
        users.setEnabled(account.id(), false);
        assertRefusedWithin(() -> onOther.send("GET", list, second, null, asReader).status(), 401);
        // enabled again: its old tokens stay refused (issue 26), a new one works there
        users.setEnabled(account.id(), true);
        String third = tokens.create(name, "across 3").secret();
        awaitStatus(() -> onOther.send("GET", list, third, null, asReader).status(), 200);
        assertThat(onOther.send("GET", list, second, null, asReader).status()).isEqualTo(401);

        // the role removed here: its reads are refused there (the account keeps a role that may not read)
        roles.delete(role);
        assertRefusedWithin(() -> onOther.send("GET", list, third, null, asReader).status(), 403);
    }

    @Test
    void a_workflow_disabled_and_a_field_added_here_are_honoured_there_within_the_documented_five_seconds() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String notes = "memos_" + s;
        collections.create(new CollectionDraft(notes, "Memos", null, null));
        collections.addField(notes, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));
        String admin = tokens.create("admin", "across " + s).secret();
        var workflow = workflows.create(new WorkflowDraft("Stamp " + s, null,
                TriggerType.POST_ACTION, Map.of("collection", notes), true, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(java.util.List.of(
                NodeDef.of("stamp", "update", Map.of("collection", notes,
                        "filter", java.util.List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                        "values", Map.of("text", "stamped"))))));
        workflows.enable(workflow.id());
        String bound = "/api/" + notes + ":create?triggerWorkflows=" + workflow.key();

        // the other instance runs it once it sees it enabled (within the documented five seconds: it may have read the
        // enabled workflows just before), and so keeps it; a call refused meanwhile writes nothing
        var answered = new java.util.concurrent.atomic.AtomicReference<ApiClient.Answer>();
        Awaitility.await().atMost(DEFINITIONS).pollInterval(Duration.ofMillis(50)).until(() -> {
            answered.set(onOther.post(bound, admin, Map.of("text", "one")));
            return answered.get().status() != 400;
        });
        var run = answered.get();
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        long id = ((Number) run.data().get("id")).longValue();
        assertThat(queries.get(notes, id).orElseThrow().values().get("text")).as("the workflow ran there").isEqualTo("stamped");

        workflows.disable(workflow.id());
        assertRefusedWithin(() -> onOther.post(bound, admin, Map.of("text", "two")).status(), 400, DEFINITIONS);

        // a field it does not know yet is refused, until it sees the field added here
        String plain = "/api/" + notes + ":create";
        assertThat(onOther.post(plain, admin, Map.of("text", "three", "extra", "x")).status()).isEqualTo(400);
        collections.addField(notes, FieldDraft.of("extra", FieldType.TEXT, FieldSettings.titled("Extra")));
        assertRefusedWithin(() -> onOther.post(plain, admin, Map.of("text", "four", "extra", "x")).status(), 200, DEFINITIONS);
    }

    /** The call is refused with {@code status} at once or within {@link #WITHIN}, and stays refused. */
    private static void assertRefusedWithin(Callable<Integer> call, int status) throws Exception {
        assertRefusedWithin(call, status, WITHIN);
    }

    /** The call answers {@code status} at once or within {@code within}, and goes on doing so. */
    private static void assertRefusedWithin(Callable<Integer> call, int status, Duration within) throws Exception {
        long start = System.nanoTime();
        int answer = call.call();
        while (answer != status && System.nanoTime() - start < within.toNanos()) {
            Thread.sleep(20);
            answer = call.call();
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer).as("answered within %d ms", took).isEqualTo(status);
        for (int i = 0; i < 3; i++) {
            assertThat(call.call()).isEqualTo(status);
        }
    }

    /**
     * A schedule's fire, due while both instances poll db-scheduler's table: one of them makes it, once (issue 28).
     * The fire is made due by moving its time to now, as reaching 08:00 would.
     */
    @Test
    void a_schedule_due_while_two_instances_run_fires_once() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String log = "firelog_" + s;
        collections.create(new CollectionDraft(log, "Fire log", null, null));
        collections.addField(log, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        var workflow = workflows.create(new WorkflowDraft("Daily " + s, null,
                TriggerType.SCHEDULE, Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(NodeDef.of(
                "log", "create", Map.of("collection", log, "values", Map.of("note", "{{$context.fireTime}}"))))));
        workflows.enable(workflow.id());
        var dsl = other.getBean(org.jooq.DSLContext.class);
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        var tasks = org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("scheduled_tasks"));
        var instance = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("task_instance"), String.class);
        var due = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("execution_time"), java.time.OffsetDateTime.class);
        transaction.executeWithoutResult(status -> {
            dsl.update(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("af_schedule")))
                    .set(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("next_fire_at"), java.time.OffsetDateTime.class), now)
                    .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("workflow_key")).eq(workflow.key())).execute();
            dsl.update(tasks).set(due, now).where(instance.eq(workflow.key())).execute();
        });
        // made, and woken next at tomorrow's 08:00: whichever instance made it is done with it
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var next = dsl.select(due).from(tasks).where(instance.eq(workflow.key())).fetchOne(due);
            return next != null && next.isAfter(now.plusHours(1)) && queries.count(log, Filter.all()) > 0;
        });
        assertThat(queries.count(log, Filter.all())).isEqualTo(1);
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("af_execution")),
                org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("wf_key")).eq(workflow.key()))).isEqualTo(1);
    }

    /**
     * A Manual task's form asked by an instance that then stops (issue 28): the form waits in the database, is filled in
     * through the other instance, and the execution goes on there, or on whichever instance polls first; once.
     */
    @Test
    void a_form_asked_by_an_instance_that_stopped_is_filled_in_on_another_and_the_workflow_goes_on() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String log = "formlog_" + s;
        collections.create(new CollectionDraft(log, "Form log", null, null));
        collections.addField(log, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        String anna = "anna" + s;
        users.create(new UserDraft(anna, "Anna " + s, null, "anna-password-1", Set.of(Role.MEMBER_ID)));
        var workflow = workflows.create(new WorkflowDraft("Budget " + s, null, TriggerType.POST_ACTION, Map.of("collection", log), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                NodeDef.of("ask", "manual", Map.of("assignees", List.of(anna), "title", "Budget code",
                        "fields", List.of(Map.of("name", "code", "type", "text", "required", true)))),
                NodeDef.of("log", "create", Map.of("collection", log, "values", Map.of("note", "{{$jobsMapByNodeKey.ask.values.code}}"))))));
        workflows.enable(workflow.id());

        long execution;
        try (var third = startInstance()) {
            var runner = third.getBean(WorkflowRunner.class);
            execution = third.getBean(TransactionTemplate.class).execute(status -> runner.queue(workflow.id(), Map.of(), 0, null));
            Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    workflows.execution(execution).orElseThrow().status() == ExecutionStatus.WAITING);
        }

        String token = (String) onOther.post("/api/auth:signIn", null, Map.of("account", anna, "password", "anna-password-1")).data().get("token");
        var open = onOther.get("/api/forms:todos", token).list();
        assertThat(open).singleElement().satisfies(form -> assertThat(form).containsEntry("title", "Budget code").containsEntry("status", "OPEN"));
        Object task = open.getFirst().get("task");
        assertThat(onOther.post("/api/forms:submit", token, Map.of("task", task, "values", Map.of("code", ""))).status()).isEqualTo(400);
        assertThat(onOther.post("/api/forms:submit", token, Map.of("task", task, "values", Map.of("code", "BX-12"))).status()).isEqualTo(200);

        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                workflows.execution(execution).orElseThrow().status() == ExecutionStatus.RESOLVED);
        assertThat(queries.find(log, RecordQuery.firstPage(10))).singleElement()
                .satisfies(r -> assertThat(r.get("note")).isEqualTo("BX-12"));
        assertThat(onOther.get("/api/forms:todos", token).list()).isEmpty();
    }

    private static void awaitStatus(Callable<Integer> call, int status) throws Exception {
        long start = System.nanoTime();
        while (call.call() != status) {
            assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(10).toNanos());
            Thread.sleep(50);
        }
    }
}
