package io.actionflow.approval;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** {@code actionflow_approval_tasks_open}: approval tasks waiting for their approver (Prometheus). */
@Component
class ApprovalMetrics implements MeterBinder {

    private final DSLContext dsl;

    ApprovalMetrics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("actionflow.approval.tasks.open", this, ApprovalMetrics::open)
                .description("Approval tasks waiting for their approver").register(meters);
    }

    private double open() {
        return dsl.select(count()).from(table(name("af_approval_task")))
                .where(field(name("status"), String.class).eq(ApprovalTask.Status.PENDING.name())).fetchOne(0, Integer.class);
    }
}
