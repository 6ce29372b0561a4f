package io.actionflow.approval;

import io.actionflow.platform.Text;
import io.actionflow.workflow.ExecutionEnded;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a request when its workflow ends. Approved: an after-save request is done (and its record unlocked); a
 * before-save one is written once the workflow's end has committed, in a transaction of its own with the request's
 * new state, so that a submission that can no longer be written (a rule refuses it, a post-action workflow blocks it)
 * leaves the request failed with the reason, and nothing half-written. Requests left approved but unwritten by a
 * stop are written at the next start.
 */
@Component
class ApprovalEndings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApprovalEndings.class);

    private final ApprovalService approvals;
    private final ApprovalRequests requests;
    private final ObjectProvider<HeldActions> held;
    private final TransactionTemplate separate;
    private final ApplicationEventPublisher events;

    ApprovalEndings(ApprovalService approvals, ApprovalRequests requests, ObjectProvider<HeldActions> held,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.approvals = approvals;
        this.requests = requests;
        this.held = held;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A held submission to write once the transaction that approved it has committed. */
    record Approved(long approvalId) {
    }

    @EventListener
    void ended(ExecutionEnded ended) {
        if (ended.triggerType() != io.actionflow.triggers.TriggerType.APPROVAL) {
            // only an approval workflow's execution has a request
            return;
        }
        var found = approvals.forExecution(ended.executionId());
        if (found.isEmpty()) {
            return;
        }
        var entity = found.get();
        if (!entity.status.isOpen() && entity.status != Approval.Status.FAILED) {
            // withdrawn (its execution then ends rejected), or already ended
            return;
        }
        switch (ended.status()) {
            case RESOLVED -> {
                if ("REJECTED".equals(entity.stageOutcome)) {
                    approvals.end(entity, Approval.Status.REJECTED, TimelineEntry.Kind.DECLINED, null);
                } else if (entity.beforeSave) {
                    approvals.end(entity, Approval.Status.SAVING, TimelineEntry.Kind.COMPLETED, null);
                    events.publishEvent(new Approved(entity.id));
                } else {
                    approvals.end(entity, Approval.Status.APPROVED, TimelineEntry.Kind.COMPLETED, null);
                }
            }
            case REJECTED -> approvals.end(entity, Approval.Status.REJECTED, TimelineEntry.Kind.DECLINED, null);
            case CANCELED -> approvals.end(entity, Approval.Status.CANCELED, TimelineEntry.Kind.CANCELED, null);
            default -> approvals.end(entity, Approval.Status.FAILED, TimelineEntry.Kind.FAILED,
                    Text.of("approval.failed.workflow").encoded());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void approved(Approved approved) {
        write(approved.approvalId());
    }

    /** Writes an approved, held submission; when it cannot be written, the request fails with the reason. */
    void write(long approvalId) {
        try {
            separate.executeWithoutResult(status -> {
                var entity = requests.lock(approvalId).orElse(null);
                if (entity == null || entity.status != Approval.Status.SAVING) {
                    return;
                }
                long recordId = held.getObject().release(entity.collection, entity.action, entity.recordId,
                        ApprovalService.data(entity), approvals.held(entity));
                approvals.saved(entity, recordId);
            });
        } catch (HeldActions.NotReleased refused) {
            fail(approvalId, String.join("\n", refused.messages()));
        } catch (RuntimeException failed) {
            log.error("Writing approved request {} failed", approvalId, failed);
            fail(approvalId, Text.of("approval.failed.write").encoded());
        }
    }

    private void fail(long approvalId, String reason) {
        separate.executeWithoutResult(status -> requests.lock(approvalId)
                .filter(e -> e.status == Approval.Status.SAVING)
                .ifPresent(e -> approvals.end(e, Approval.Status.FAILED, TimelineEntry.Kind.FAILED, reason)));
    }

    /** Requests approved but not written when the application stopped are written now. */
    @Override
    public void run(ApplicationArguments args) {
        List<Long> waiting = requests.findByStatus(Approval.Status.SAVING).stream().map(e -> e.id).toList();
        waiting.forEach(this::write);
    }
}
