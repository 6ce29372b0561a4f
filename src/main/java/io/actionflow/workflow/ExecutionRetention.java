package io.actionflow.workflow;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes finished executions (and, by cascade, their jobs) once they are older than {@code keep}; test runs once
 * they are older than {@code keep-test-runs}. Runs every {@code every} as a recurring task of db-scheduler, so on one
 * instance of a cluster at a time, in batches of {@code batch} executions, each in a transaction of its own. An
 * execution an approval still waits on is kept. A zero {@code keep} keeps everything. Webhook deliveries and
 * date-field fires older than {@code keep} go too.
 */
@Component
class ExecutionRetention {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRetention.class);
    private static final org.jooq.Table<?> EXECUTION = table(name("af_execution"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
    private static final Field<Boolean> TEST_RUN = field(name("test_run"), Boolean.class);

    @ConfigurationProperties("actionflow.workflow.retention")
    record Settings(@DefaultValue("30d") Duration keep, @DefaultValue("1d") Duration keepTestRuns,
            @DefaultValue("1h") Duration every, @DefaultValue("1000") int batch) {
    }

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Settings settings;

    ExecutionRetention(DSLContext dsl, TransactionTemplate transaction, Clock clock, Settings settings) {
        this.dsl = dsl;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
    }

    /** The recurring task the scheduler starts with. */
    RecurringTask<Void> task() {
        return Tasks.recurring("execution-retention", FixedDelay.of(settings.every()))
                .execute((instance, context) -> removeOld());
    }

    /** Removes what is older than kept; returns how many executions it removed. */
    int removeOld() {
        int removed = 0;
        if (!settings.keep().isZero()) {
            removed += remove(false, settings.keep());
        }
        if (!settings.keepTestRuns().isZero()) {
            removed += remove(true, settings.keepTestRuns());
        }
        if (removed > 0) {
            log.info("Removed {} finished executions older than kept", removed);
        }
        if (!settings.keep().isZero()) {
            removeTraces(settings.keep());
        }
        return removed;
    }

    /**
     * What webhooks and date-field schedules keep to make each delivery and each record's fire once, and forms no longer
     * open (submitted, closed, expired): gone with the executions of their time. A redelivery or a wake-up that old is
     * not sent or made any more; an open form stays as long as its run waits.
     */
    void removeTraces(Duration keep) {
        var before = OffsetDateTime.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
        int deliveries = dsl.deleteFrom(table(name("af_webhook_delivery")))
                .where(field(name("created_at"), OffsetDateTime.class).lt(before)).execute();
        int fires = dsl.deleteFrom(table(name("af_schedule_fire")))
                .where(field(name("due_at"), OffsetDateTime.class).lt(before)).execute();
        int forms = dsl.deleteFrom(table(name("af_manual_task")))
                .where(field(name("status"), String.class).ne("OPEN"), field(name("updated_at"), OffsetDateTime.class).lt(before)).execute();
        if (deliveries + fires + forms > 0) {
            log.info("Removed {} webhook deliveries, {} date-field fires and {} finished forms older than kept", deliveries, fires, forms);
        }
    }

    private int remove(boolean testRuns, Duration keep) {
        var before = OffsetDateTime.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
        int removed = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<Long> ids = dsl.select(ID).from(EXECUTION)
                        .where(FINISHED_AT.lt(before), TEST_RUN.eq(testRuns))
                        .and(ID.notIn(select(field(name("execution_id"), Long.class)).from(table(name("af_approval")))
                                .where(field(name("execution_id")).isNotNull(), field(name("status"), String.class).in("PENDING", "RETURNED", "SAVING"))))
                        .orderBy(FINISHED_AT).limit(settings.batch()).fetch(ID);
                return ids.isEmpty() ? 0 : dsl.deleteFrom(EXECUTION).where(ID.in(ids)).execute();
            });
            removed += batch == null ? 0 : batch;
            if (batch == null || batch < settings.batch()) {
                return removed;
            }
        }
    }
}
