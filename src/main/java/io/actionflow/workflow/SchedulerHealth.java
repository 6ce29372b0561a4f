package io.actionflow.workflow;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The asynchronous runner's health ({@code /actuator/health/scheduler}, contributor {@code asyncRunner}): UP, or
 * DEGRADED (still answering 200) when executions are stuck with an instance that stopped checking in, when the oldest
 * execution due has waited longer than {@link #LATE}, or when executions failed in the last {@link #RECENT}. A
 * degraded runner is no reason to take an instance out of service: the database health says whether it can serve.
 */
@Component("asyncRunner")
class SchedulerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED",
            "Executions are stuck, late or failing"); // i18n: not user-facing
    static final Duration LATE = Duration.ofMinutes(1);
    static final Duration RECENT = Duration.ofMinutes(15);

    private final ScheduledExecutions scheduled;
    private final DSLContext dsl;
    private final Clock clock;
    private final WorkflowRunner.RunnerSettings settings;

    SchedulerHealth(ScheduledExecutions scheduled, DSLContext dsl, Clock clock, WorkflowRunner.RunnerSettings settings) {
        this.scheduled = scheduled;
        this.dsl = dsl;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Health health() {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int stuck = scheduled.stuck(settings.heartbeat().multipliedBy(settings.missedHeartbeats()));
        long waited = scheduled.oldestWait().toSeconds();
        int failed = dsl.select(count()).from(table(name("af_execution")))
                .where(field(name("status"), String.class).in("FAILED", "ERROR"),
                        field(name("test_run"), Boolean.class).isFalse(),
                        field(name("finished_at"), OffsetDateTime.class).ge(now.minus(RECENT)))
                .fetchOne(0, Integer.class);
        boolean degraded = stuck > 0 || waited > LATE.toSeconds() || failed > 0;
        return Health.status(degraded ? DEGRADED : Status.UP)
                .withDetail("stuck", stuck)
                .withDetail("oldestDueWaitingSeconds", waited)
                .withDetail("failedLast15Minutes", failed) // i18n: not user-facing
                .build();
    }
}
