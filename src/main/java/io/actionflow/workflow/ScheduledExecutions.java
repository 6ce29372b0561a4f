package io.actionflow.workflow;

import static io.actionflow.platform.RenderedStatements.parameter;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.actionflow.platform.RenderedStatements;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * What db-scheduler's table says of asynchronous executions, read and changed in one place: the metrics, the health
 * and a stopping instance ask here.
 */
@Component
class ScheduledExecutions {

    private static final org.jooq.Table<?> TASKS = table(name("scheduled_tasks"));
    private static final Field<String> TASK_NAME = field(name("task_name"), String.class);
    private static final Field<String> TASK_INSTANCE = field(name("task_instance"), String.class);
    private static final Field<Boolean> PICKED = field(name("picked"), Boolean.class);
    private static final Field<String> PICKED_BY = field(name("picked_by"), String.class);
    private static final Field<OffsetDateTime> DUE = field(name("execution_time"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> HEARTBEAT = field(name("last_heartbeat"), OffsetDateTime.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);

    /** The key of the one shape of statement this class runs on every step. */
    private enum Statement { REMOVE }

    private final DSLContext dsl;
    private final RenderedStatements statements;
    private final Clock clock;

    ScheduledExecutions(DSLContext dsl, RenderedStatements statements, Clock clock) {
        this.dsl = dsl;
        this.statements = statements;
        this.clock = clock;
    }

    /** Executions due and not picked yet. */
    int queued() {
        return dsl.select(count()).from(TASKS).where(TASK_NAME.eq(AsyncWorkflows.TASK), PICKED.isFalse(), DUE.le(now()))
                .fetchOne(0, Integer.class);
    }

    /** How long the oldest execution due has waited to be picked (zero when none waits). */
    Duration oldestWait() {
        OffsetDateTime now = now();
        OffsetDateTime oldest = dsl.select(min(DUE)).from(TASKS)
                .where(TASK_NAME.eq(AsyncWorkflows.TASK), PICKED.isFalse(), DUE.le(now)).fetchOne(0, OffsetDateTime.class);
        return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
    }

    /** Executions picked by an instance that has not checked in for {@code silent}. */
    int stuck(Duration silent) {
        return dsl.select(count()).from(TASKS)
                .where(TASK_NAME.eq(AsyncWorkflows.TASK), PICKED.isTrue(), HEARTBEAT.lt(now().minus(silent))).fetchOne(0, Integer.class);
    }

    /**
     * Unpicks what {@code instance} had picked (its version moves on, so a late completion by that instance changes
     * nothing); returns how many.
     */
    int handBack(String instance) {
        return dsl.update(TASKS).set(PICKED, false).set(PICKED_BY, (String) null).set(HEARTBEAT, (OffsetDateTime) null)
                .set(VERSION, VERSION.plus(1))
                .where(PICKED.isTrue(), PICKED_BY.eq(instance)).execute();
    }

    /**
     * Removes a task's row, in the current transaction. Every step that ends its execution does this: rendered once,
     * since rendering it each time was a third of a step's CPU.
     */
    void remove(String task, String instance) {
        statements.execute(Statement.REMOVE, dsl -> dsl.deleteFrom(TASKS).where(TASK_NAME.eq(parameter(0, TASK_NAME.getDataType())),
                TASK_INSTANCE.eq(parameter(1, TASK_INSTANCE.getDataType()))), task, instance);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
