package io.actionflow.workflow;

import io.actionflow.collections.RecordQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.ScheduleTimes;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedule triggers on every database we run on. Fires are made as at a time the test gives (no sleeping until a
 * fire time): once each, however many instances wake for one; missed fires by their setting; a limit; a record's
 * date followed when it changes and dropped when the record goes.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class ScheduleTriggerContract {

    @Autowired
    WorkflowService workflows;

    @Autowired
    ScheduleTrigger schedules;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    AsyncWorkflows async;

    String logs;
    String purchases;

    @BeforeEach
    void collections() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        logs = "slogs_" + suffix;
        collections.create(new CollectionDraft(logs, "Schedule logs", null, null));
        collections.addField(logs, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        purchases = "spurch_" + suffix;
        collections.create(new CollectionDraft(purchases, "Purchases", null, null));
        collections.addField(purchases, FieldDraft.of("item", FieldType.TEXT, FieldSettings.titled("Item")));
        collections.addField(purchases, FieldDraft.of("due_date", FieldType.DATE, FieldSettings.titled("Due date")));
    }

    @Test
    void a_fixed_schedule_fires_at_its_time_once_however_many_times_it_is_woken() {
        Instant before = Instant.now();
        var workflow = schedule(Map.of("repeat", "daily", "at", "08:00", "timeZone", "Europe/Amsterdam"),
                "{{$context.localTime}} {{$context.timeZone}}");
        Instant due = next(workflow);
        assertThat(due).isEqualTo(ScheduleTimes.of(workflow.triggerConfig()).next(before));
        assertThat(waking(workflow.key())).isEqualTo(due);

        // woken early (a revived row): nothing runs, it sleeps until its time
        assertThat(schedules.fire(workflow.key(), due.minusSeconds(60))).isEqualTo(AsyncWorkflows.Next.at(due));
        assertThat(executions(workflow)).isEmpty();

        var fired = schedules.fire(workflow.key(), due.plusSeconds(1));
        assertThat(fired).isEqualTo(AsyncWorkflows.Next.at(due.plus(Duration.ofDays(1))));
        // woken again for the same fire (a second instance, a crash before db-scheduler moved its row): nothing more
        assertThat(schedules.fire(workflow.key(), due.plusSeconds(2))).isEqualTo(AsyncWorkflows.Next.at(due.plus(Duration.ofDays(1))));

        var execution = awaitOne(workflow, ExecutionStatus.RESOLVED);
        assertThat(execution.origin().source()).isEqualTo("SCHEDULE");
        String local = java.time.LocalDateTime.ofInstant(due, ZoneId.of("Europe/Amsterdam")).toString();
        assertThat(execution.origin().label()).isEqualTo(local.replace('T', ' ') + " Europe/Amsterdam");
        assertThat(notes()).containsExactly(local + " Europe/Amsterdam");
    }

    @Test
    void fires_woken_at_once_on_many_threads_run_once() throws Exception {
        var workflow = schedule(Map.of("repeat", "minutes", "every", 15, "timeZone", "UTC"), "fired");
        Instant due = next(workflow);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var calls = new ArrayList<Callable<AsyncWorkflows.Next>>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> schedules.fire(workflow.key(), due.plusMillis(500)));
            }
            for (var result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(AsyncWorkflows.Next.at(due.plus(Duration.ofMinutes(15))));
            }
        } finally {
            pool.shutdown();
        }
        awaitOne(workflow, ExecutionStatus.RESOLVED);
        assertThat(fireCount(workflow.key())).isEqualTo(1);
        assertThat(notes()).containsExactly("fired");
    }

    @Test
    void a_missed_fire_runs_once_for_the_last_time_it_was_due_or_is_skipped_as_set() {
        var runOnce = schedule(Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), "{{$context.missed}} {{$context.localTime}}");
        Instant due = next(runOnce);
        // the instances were down for three days and an hour
        Instant back = due.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
        assertThat(schedules.fire(runOnce.key(), back)).isEqualTo(AsyncWorkflows.Next.at(due.plus(Duration.ofDays(4))));
        awaitOne(runOnce, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly("4 " + java.time.LocalDateTime.ofInstant(due.plus(Duration.ofDays(3)), ZoneId.of("UTC")));

        var skip = schedule(Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC", "missed", "skip"), "skipped");
        Instant skipDue = next(skip);
        assertThat(schedules.fire(skip.key(), skipDue.plus(Duration.ofDays(3)).plus(Duration.ofHours(1))))
                .isEqualTo(AsyncWorkflows.Next.at(skipDue.plus(Duration.ofDays(4))));
        assertThat(executions(skip)).isEmpty();
        // late, but not missed (within two minutes): it runs
        assertThat(schedules.fire(skip.key(), skipDue.plus(Duration.ofDays(4)).plusSeconds(90)))
                .isEqualTo(AsyncWorkflows.Next.at(skipDue.plus(Duration.ofDays(5))));
        awaitOne(skip, ExecutionStatus.RESOLVED);
    }

    @Test
    void a_limit_ends_the_schedule_and_disabling_stops_it() {
        var limited = schedule(Map.of("repeat", "hours", "every", 1, "timeZone", "UTC", "limit", 2), "once");
        Instant due = next(limited);
        assertThat(schedules.fire(limited.key(), due)).isEqualTo(AsyncWorkflows.Next.at(due.plus(Duration.ofHours(1))));
        assertThat(schedules.fire(limited.key(), due.plus(Duration.ofHours(1)))).isEqualTo(AsyncWorkflows.Next.REMOVE);
        assertThat(schedules.fire(limited.key(), due.plus(Duration.ofHours(2)))).isEqualTo(AsyncWorkflows.Next.REMOVE);
        assertThat(fireCount(limited.key())).isEqualTo(2);

        var daily = schedule(Map.of("repeat", "daily", "at", "06:00", "timeZone", "UTC"), "never");
        Instant dailyDue = next(daily);
        workflows.disable(daily.id());
        assertThat(waking(daily.key())).isNull();
        assertThat(schedules.fire(daily.key(), dailyDue)).isEqualTo(AsyncWorkflows.Next.REMOVE);
        assertThat(executions(daily)).isEmpty();
        // enabled again: it plans its next fire anew
        workflows.enable(daily.id());
        assertThat(waking(daily.key())).isEqualTo(next(daily));
    }

    @Test
    void the_scheduler_itself_wakes_a_fixed_schedule_at_its_time() {
        var workflow = schedule(Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), "{{$context.fireTime}}");
        // its time has come: the row says now, as it would at 08:00
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        transaction.executeWithoutResult(s -> {
            dsl.update(table(name("af_schedule"))).set(field(name("next_fire_at"), OffsetDateTime.class),
                    OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).where(field(name("workflow_key")).eq(workflow.key())).execute();
            async.scheduleFire(workflow.key(), now);
        });
        awaitOne(workflow, ExecutionStatus.RESOLVED);
        assertThat(notes()).containsExactly(now.toString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> waking(workflow.key()) != null && waking(workflow.key()).isAfter(now));
    }

    @Test
    void a_date_field_schedule_follows_each_record_and_drops_a_deleted_one() {
        long early = records.create(purchases, Map.of("item", "Desk", "due_date", LocalDate.parse("2031-03-10"))).id();
        var workflow = workflows.create(new WorkflowDraft("Remind " + UUID.randomUUID(), null, TriggerType.SCHEDULE,
                Map.of("mode", "dateField", "collection", purchases, "field", "due_date", "offset", 3, "offsetUnit", "days",
                        "direction", "before", "at", "09:00", "timeZone", "Europe/Amsterdam"), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(log("{{$context.data.item}} {{$context.localTime}}"))));
        workflows.enable(workflow.id());
        String earlyId = workflow.key() + ":" + early;
        // a record there before Enable is planned by it: three days before, at 09:00 in Amsterdam
        assertThat(waking(earlyId)).isEqualTo(amsterdam("2031-03-07T09:00"));

        long later = records.create(purchases, Map.of("item", "Chair", "due_date", LocalDate.parse("2031-06-20"))).id();
        String laterId = workflow.key() + ":" + later;
        assertThat(waking(laterId)).isEqualTo(amsterdam("2031-06-17T09:00"));
        records.update(purchases, later, Map.of("due_date", LocalDate.parse("2031-07-01")));
        assertThat(waking(laterId)).isEqualTo(amsterdam("2031-06-28T09:00"));
        records.update(purchases, later, Map.of("item", "Chair, blue"));
        assertThat(waking(laterId)).isEqualTo(amsterdam("2031-06-28T09:00"));
        long gone = records.create(purchases, Map.of("item", "Lamp", "due_date", LocalDate.parse("2031-05-01"))).id();
        records.delete(purchases, gone);
        assertThat(waking(workflow.key() + ":" + gone)).isNull();
        // a wake-up left behind for a deleted record makes nothing
        assertThat(schedules.fire(workflow.key() + ":" + gone, amsterdam("2031-04-28T09:00"))).isEqualTo(AsyncWorkflows.Next.REMOVE);

        // a wake-up at the old date, once the date moved on: it sleeps until the new one
        assertThat(schedules.fire(laterId, amsterdam("2031-06-17T09:00"))).isEqualTo(AsyncWorkflows.Next.at(amsterdam("2031-06-28T09:00")));

        assertThat(schedules.fire(earlyId, amsterdam("2031-03-07T09:00:01"))).isEqualTo(AsyncWorkflows.Next.REMOVED);
        assertThat(waking(earlyId)).isNull();
        assertThat(schedules.fire(earlyId, amsterdam("2031-03-07T09:00:02"))).isEqualTo(AsyncWorkflows.Next.REMOVE);
        var execution = awaitOne(workflow(workflow.key()), ExecutionStatus.RESOLVED);
        assertThat(execution.origin().recordIds()).containsExactly(early);
        assertThat(notes()).containsExactly("Desk 2031-03-07T09:00");

        workflows.disable(workflow.id());
        assertThat(waking(laterId)).isNull();
    }

    @Test
    void wrong_schedule_settings_are_refused_when_saved_naming_each_setting() {
        var draft = new WorkflowDraft("Broken", null, TriggerType.SCHEDULE,
                Map.of("repeat", "cron", "cron", "0 25 * * *", "timeZone", "Mars/Olympus"), false, 0);
        assertThatThrownBy(() -> workflows.create(draft)).isInstanceOfSatisfying(ValidationException.class, refused ->
                assertThat(refused.errors()).extracting(e -> e.field() + ":" + e.messageKey())
                        .containsExactlyInAnyOrder("cron:trigger.schedule.cron", "timeZone:trigger.schedule.timeZone"));
        var text = new WorkflowDraft("Not a date", null, TriggerType.SCHEDULE,
                Map.of("mode", "dateField", "collection", purchases, "field", "item", "timeZone", "UTC"), false, 0);
        assertThatThrownBy(() -> workflows.create(text)).isInstanceOfSatisfying(ValidationException.class, refused ->
                assertThat(refused.errors()).extracting(e -> e.field() + ":" + e.messageKey())
                        .containsExactly("field:trigger.schedule.notDate"));
        // a schedule is never synchronous: nobody waits for it
        var asked = workflows.create(new WorkflowDraft("Sync?", null, TriggerType.SCHEDULE,
                Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), true, 0));
        assertThat(asked.synchronous()).isFalse();
    }

    @Test
    void an_exported_schedule_imports_with_its_settings_and_is_planned_when_enabled_there() {
        var workflow = schedule(Map.of("repeat", "weekly", "days", List.of("MON", "FRI"), "at", "07:30", "timeZone", "Asia/Tokyo",
                "limit", 12, "missed", "skip"), "weekly");
        String document = workflows.export(workflow.id());
        workflows.disable(workflow.id());
        var imported = workflows.importJson(document, true);
        assertThat(imported.triggerType()).isEqualTo(TriggerType.SCHEDULE);
        assertThat(imported.triggerConfig()).isEqualTo(workflow.triggerConfig());
        assertThat(waking(imported.key())).isEqualTo(ScheduleTimes.of(imported.triggerConfig()).next(Instant.now()));
    }

    private WorkflowDefinition schedule(Map<String, Object> config, String note) {
        var settings = new HashMap<String, Object>(config);
        var workflow = workflows.create(new WorkflowDraft("Every " + UUID.randomUUID(), null, TriggerType.SCHEDULE, settings, false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(log(note))));
        return workflows.enable(workflow.id());
    }

    private NodeDef log(String note) {
        return NodeDef.of("log", "create", Map.of("collection", logs, "values", Map.of("note", note)));
    }

    private WorkflowDefinition workflow(String key) {
        return workflows.versions(key).getFirst();
    }

    private static Instant amsterdam(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ZoneId.of("Europe/Amsterdam")).toInstant();
    }

    /** The next fire the schedule's row holds. */
    private Instant next(WorkflowDefinition workflow) {
        var next = dsl.select(field(name("next_fire_at"), OffsetDateTime.class)).from(table(name("af_schedule")))
                .where(field(name("workflow_key")).eq(workflow.key())).fetchOne(0, OffsetDateTime.class);
        return next == null ? null : next.toInstant();
    }

    private int fireCount(String key) {
        return dsl.select(field(name("fires"), Integer.class)).from(table(name("af_schedule")))
                .where(field(name("workflow_key")).eq(key)).fetchOne(0, Integer.class);
    }

    /** When db-scheduler wakes the schedule task {@code id}; null when it does not. */
    private Instant waking(String id) {
        var at = dsl.select(field(name("execution_time"), OffsetDateTime.class)).from(table(name("scheduled_tasks")))
                .where(field(name("task_name")).eq(AsyncWorkflows.FIRE_TASK), field(name("task_instance")).eq(id))
                .fetchOne(0, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private List<ExecutionSummary> executions(WorkflowDefinition workflow) {
        return workflows.executions(workflow.id(), 100);
    }

    private ExecutionSummary awaitOne(WorkflowDefinition workflow, ExecutionStatus status) {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> executions(workflow).stream().anyMatch(e -> e.status() == status));
        var all = executions(workflow);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private List<String> notes() {
        return queries.find(logs, RecordQuery.firstPage(100)).stream()
                .map(r -> String.valueOf(r.values().get("note"))).toList();
    }
}
