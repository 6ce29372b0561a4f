package io.actionflow.workflow;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordCreated;
import io.actionflow.collections.RecordDeleted;
import io.actionflow.collections.RecordEvent;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.RecordUpdated;
import io.actionflow.collections.StoredRecord;
import io.actionflow.triggers.ScheduleTimes;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedule triggers: workflows started by time, at fixed times or at a date a record holds. Each enabled fixed schedule
 * is one row of db-scheduler's table (named by its workflow's key) woken at its next fire; each record of a date-field
 * schedule is one row too (the key and the record's id), moved when the record's date changes and removed with the
 * record. A fire queues an asynchronous execution in the transaction that records the fire, so it runs once: a second
 * instance woken for the same fire (after a crash, or a row revived by db-scheduler) finds it made and makes none.
 * A fire found later than {@code missed-after} was missed (no instance ran at its time): the schedule's setting says
 * whether it runs once then or is skipped.
 */
@Component
class ScheduleTrigger {

    /** How late a fire may be made before it counts as missed. */
    @ConfigurationProperties("actionflow.schedule")
    record Settings(@DefaultValue("2m") Duration missedAfter) {
    }

    static final String SOURCE = "SCHEDULE";
    private static final Logger log = LoggerFactory.getLogger(ScheduleTrigger.class);
    private static final Table<?> SCHEDULES = table(name("af_schedule"));
    private static final Field<String> KEY = field(name("workflow_key"), String.class);
    private static final Field<Long> WORKFLOW_ID = field(name("workflow_id"), Long.class);
    private static final Field<OffsetDateTime> NEXT = field(name("next_fire_at"), OffsetDateTime.class);
    private static final Field<Integer> FIRES = field(name("fires"), Integer.class);
    private static final Field<OffsetDateTime> LAST = field(name("last_fire_at"), OffsetDateTime.class);
    private static final Table<?> FIRED = table(name("af_schedule_fire"));
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<OffsetDateTime> DUE = field(name("due_at"), OffsetDateTime.class);
    private static final Table<?> TASKS = table(name("scheduled_tasks"));
    private static final Field<String> TASK_NAME = field(name("task_name"), String.class);
    private static final Field<String> TASK_INSTANCE = field(name("task_instance"), String.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"); // i18n: not user-facing
    /** How many records a date-field schedule plans per query when it is enabled. */
    private static final int PAGE = 1_000;

    private final AsyncWorkflows async;
    private final WorkflowRunner runner;
    private final WorkflowRepository workflows;
    private final WorkflowDirectory directory;
    private final RecordQueries records;
    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Settings settings;
    private final WorkflowJson json;

    ScheduleTrigger(AsyncWorkflows async, WorkflowRunner runner, WorkflowRepository workflows, WorkflowDirectory directory,
            RecordQueries records, DSLContext dsl, TransactionTemplate transaction, Clock clock, Settings settings,
            WorkflowJson json) {
        this.json = json;
        this.async = async;
        this.runner = runner;
        this.workflows = workflows;
        this.directory = directory;
        this.records = records;
        this.dsl = dsl;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
        async.fires(this::fire);
    }

    /**
     * Plans the fires of workflow {@code key} as it now stands, in the caller's transaction: its enabled version when
     * that is a schedule (from its next time after now; a new version counts its fires anew), none otherwise.
     */
    void plan(WorkflowEntity enabled, String key) {
        plan(enabled, key, clock.instant());
    }

    void plan(WorkflowEntity enabled, String key, Instant now) {
        boolean schedule = enabled != null && enabled.isEnabled() && enabled.getTriggerType() == TriggerType.SCHEDULE;
        var trigger = schedule ? (TriggerConfig.Schedule) TriggerConfig.read(TriggerType.SCHEDULE, json(enabled)) : null;
        dsl.deleteFrom(TASKS).where(TASK_NAME.eq(AsyncWorkflows.FIRE_TASK), TASK_INSTANCE.like(escaped(key) + ":%", '!')).execute();
        if (trigger == null || trigger.onDateField()) {
            dsl.deleteFrom(SCHEDULES).where(KEY.eq(key)).execute();
            async.cancelFire(key);
        }
        if (trigger == null) {
            return;
        }
        var times = ScheduleTimes.of(trigger.settings());
        if (trigger.onDateField()) {
            planRecords(key, trigger, times, now);
            return;
        }
        var row = dsl.select(WORKFLOW_ID, FIRES).from(SCHEDULES).where(KEY.eq(key)).fetchOne();
        int fires = row == null || !row.value1().equals(enabled.getId()) ? 0 : row.value2();
        Instant next = times.next(now, fires);
        if (row == null) {
            dsl.insertInto(SCHEDULES).columns(KEY, WORKFLOW_ID, NEXT, FIRES).values(key, enabled.getId(), utc(next), 0).execute();
        } else {
            dsl.update(SCHEDULES).set(WORKFLOW_ID, enabled.getId()).set(NEXT, utc(next)).set(FIRES, fires).where(KEY.eq(key)).execute();
        }
        if (next == null) {
            async.cancelFire(key);
        } else {
            try {
                async.scheduleFire(key, next);
            } catch (RuntimeException e) {
                // its fire is being made right now: that fire reads the row written here and wakes at its time
                log.debug("Schedule {} is firing; it wakes at the time now planned: {}", key, e.toString());
            }
        }
    }

    /** Every record whose date falls due after now gets its wake-up, in batches. */
    private void planRecords(String key, TriggerConfig.Schedule trigger, ScheduleTimes times, Instant now) {
        var query = new RecordQuery(new Filter.Condition(trigger.field(), Filter.Operator.NOT_EMPTY, List.of()),
                List.of(RecordQuery.Sort.asc("id")), 0, PAGE);
        for (int offset = 0; ; offset += PAGE) {
            var page = records.find(trigger.collection(), new RecordQuery(query.filter(), query.sorts(), offset, PAGE));
            var due = new LinkedHashMap<String, Instant>();
            for (StoredRecord record : page) {
                Instant at = times.due(record.values().get(trigger.field()));
                if (at != null && at.isAfter(now)) {
                    due.put(key + ":" + record.id(), at);
                }
            }
            async.scheduleFires(due);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** A record of a collection with date-field schedules changed: its fires follow its date, and go with it. */
    @EventListener
    void on(RecordEvent event) {
        List<EnabledWorkflow> dated = directory.enabled().stream()
                .filter(w -> w.type() == TriggerType.SCHEDULE && w.trigger() instanceof TriggerConfig.Schedule s
                        && s.onDateField() && event.collection().equals(s.collection()))
                .toList();
        for (EnabledWorkflow workflow : dated) {
            var trigger = (TriggerConfig.Schedule) workflow.trigger();
            String id = workflow.key() + ":" + event.id();
            Map<String, Object> values = switch (event) {
                case RecordCreated created -> created.values();
                case RecordUpdated updated -> updated.changedFields().contains(trigger.field()) ? updated.values() : null;
                case RecordDeleted deleted -> Map.of();
                default -> null;
            };
            if (values == null) {
                continue;
            }
            Instant due;
            try {
                due = ScheduleTimes.of(trigger.settings()).due(values.get(trigger.field()));
            } catch (IllegalArgumentException unreadable) {
                // settings that no longer read (checked when saved): the record's write goes on, the schedule says why
                log.warn("Schedule {} cannot follow record {}: {}", workflow.key(), event.id(), unreadable.getMessage());
                continue;
            }
            try {
                if (due != null && due.isAfter(clock.instant())) {
                    async.scheduleFire(id, due);
                } else {
                    async.cancelFire(id);
                }
            } catch (RuntimeException e) {
                // its fire is being made: that fire reads the record's date as this change leaves it
                log.debug("Record fire {} is running; it follows the record's date itself: {}", id, e.toString());
            }
        }
    }

    /** Puts back the wake-up of every fixed schedule that has a next fire (a row removed by hand, a restore). */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        transaction.executeWithoutResult(status -> {
            for (var row : dsl.select(KEY, NEXT).from(SCHEDULES).where(NEXT.isNotNull()).fetch()) {
                boolean waiting = dsl.fetchExists(TASKS, TASK_NAME.eq(AsyncWorkflows.FIRE_TASK), TASK_INSTANCE.eq(row.value1()));
                if (!waiting) {
                    async.scheduleFire(row.value1(), row.value2().toInstant());
                }
            }
        });
    }

    AsyncWorkflows.Next fire(String id) {
        return fire(id, clock.instant());
    }

    /** Makes the fire the schedule task {@code id} woke for, as at {@code now}; says when to wake it again. */
    AsyncWorkflows.Next fire(String id, Instant now) {
        int colon = id.indexOf(':');
        if (colon > 0) {
            return fireRecord(id.substring(0, colon), Long.parseLong(id.substring(colon + 1)), id, now);
        }
        Instant again = transaction.execute(status -> fireFixed(id, now));
        if (again == null) {
            return AsyncWorkflows.Next.REMOVE;
        }
        if (again.equals(Instant.MIN)) {
            // another instance made this fire: wake when the row now says
            OffsetDateTime next = dsl.select(NEXT).from(SCHEDULES).where(KEY.eq(id)).fetchOne(NEXT);
            return next == null ? AsyncWorkflows.Next.REMOVE : AsyncWorkflows.Next.at(next.toInstant());
        }
        return AsyncWorkflows.Next.at(again);
    }

    /** Returns the next wake-up, null when the schedule is over, {@link Instant#MIN} when another instance fired. */
    private Instant fireFixed(String key, Instant now) {
        var row = dsl.select(WORKFLOW_ID, NEXT, FIRES).from(SCHEDULES).where(KEY.eq(key)).fetchOne();
        if (row == null || row.value2() == null) {
            return null;
        }
        var workflow = workflows.findById(row.value1()).filter(w -> w.isEnabled() && w.isCurrent()).orElse(null);
        if (workflow == null || workflow.getTriggerType() != TriggerType.SCHEDULE) {
            return null;
        }
        Instant due = row.value2().toInstant();
        if (due.isAfter(now)) {
            return due;
        }
        var times = ScheduleTimes.of(json(workflow));
        int fires = row.value3();
        boolean missed = Duration.between(due, now).compareTo(settings.missedAfter()) > 0;
        int missedFires = missed ? 1 + times.between(due, now, 10_000) : 0;
        boolean run = !missed || times.missed() == ScheduleTimes.Missed.RUN_ONCE;
        // a missed fire runs for the last time it was due
        Instant fireTime = missed ? latest(times, due, now) : due;
        Instant next = times.next(missed ? now : due, fires + (run ? 1 : 0));
        int moved = dsl.update(SCHEDULES).set(NEXT, utc(next)).set(FIRES, fires + (run ? 1 : 0)).set(LAST, run ? org.jooq.impl.DSL.val(utc(fireTime)) : LAST)
                .where(KEY.eq(key), NEXT.eq(row.value2())).execute();
        if (moved == 0) {
            return Instant.MIN;
        }
        if (run) {
            var context = context(fireTime, times);
            if (missed) {
                context.put("missed", missedFires);
            }
            runner.queueChain(List.of(new WorkflowRunner.Queued(workflow.getId(), context, 0,
                    new ExecutionOrigin(null, SOURCE, null, null, null, List.of(), label(fireTime, times)))));
        } else {
            log.info("Schedule {} skipped {} missed fire(s), the last due at {}", key, missedFires, fireTime);
        }
        return next;
    }

    private static Instant latest(ScheduleTimes times, Instant due, Instant now) {
        Instant last = due;
        for (int i = 0; i < 10_000; i++) {
            Instant next = times.next(last);
            if (next == null || next.isAfter(now)) {
                break;
            }
            last = next;
        }
        return last;
    }

    private AsyncWorkflows.Next fireRecord(String key, long recordId, String id, Instant now) {
        return transaction.execute(status -> {
            var workflow = workflows.findByKeyAndCurrentTrue(key).filter(WorkflowEntity::isEnabled).orElse(null);
            if (workflow == null || workflow.getTriggerType() != TriggerType.SCHEDULE
                    || !(TriggerConfig.read(TriggerType.SCHEDULE, json(workflow)) instanceof TriggerConfig.Schedule trigger)
                    || !trigger.onDateField()) {
                return AsyncWorkflows.Next.REMOVE;
            }
            var times = ScheduleTimes.of(trigger.settings());
            var record = records.get(trigger.collection(), recordId).orElse(null);
            Instant due = record == null ? null : times.due(record.values().get(trigger.field()));
            if (due == null) {
                return AsyncWorkflows.Next.REMOVE;
            }
            if (due.isAfter(now)) {
                // the date moved on since this wake-up was set
                return AsyncWorkflows.Next.at(due);
            }
            if (Duration.between(due, now).compareTo(settings.missedAfter()) > 0 && times.missed() == ScheduleTimes.Missed.SKIP) {
                return AsyncWorkflows.Next.REMOVE;
            }
            // made once: a second wake for the same record and time finds its row (the key refuses a race of two)
            var at = utc(due);
            int made = dsl.insertInto(FIRED).columns(KEY, RECORD_ID, DUE)
                    .select(org.jooq.impl.DSL.select(org.jooq.impl.DSL.val(key), org.jooq.impl.DSL.val(recordId), org.jooq.impl.DSL.val(at))
                            .whereNotExists(org.jooq.impl.DSL.selectOne().from(FIRED)
                                    .where(KEY.eq(key), RECORD_ID.eq(recordId), DUE.eq(at))))
                    .execute();
            if (made == 0) {
                return AsyncWorkflows.Next.REMOVE;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("id", record.id());
            data.putAll(record.values());
            var context = context(due, times);
            context.put("data", data);
            context.put("collection", trigger.collection());
            runner.queueChain(List.of(new WorkflowRunner.Queued(workflow.getId(), context, 0,
                    new ExecutionOrigin(null, SOURCE, null, null, null, List.of(recordId), label(due, times)))));
            // the wake-up goes with the fire's transaction: a crash after it commits wakes nothing again
            async.cancelFire(id);
            return AsyncWorkflows.Next.REMOVED;
        });
    }

    private static LinkedHashMap<String, Object> context(Instant fireTime, ScheduleTimes times) {
        var context = new LinkedHashMap<String, Object>();
        context.put("fireTime", fireTime.toString());
        context.put("localTime", LocalDateTime.ofInstant(fireTime, times.zone()).toString());
        context.put("timeZone", times.zone().getId());
        return context;
    }

    /** What the execution history says started it: the local time it fired for, and the zone. */
    private static String label(Instant fireTime, ScheduleTimes times) {
        return LOCAL.format(LocalDateTime.ofInstant(fireTime, times.zone())) + " " + times.zone().getId();
    }

    private Map<String, Object> json(WorkflowEntity workflow) {
        return json.readMap(workflow.getTriggerConfig());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String escaped(String key) {
        return key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
