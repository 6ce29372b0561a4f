package io.actionflow.approval;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalTasks extends JpaRepository<ApprovalTaskEntity, Long> {

    List<ApprovalTaskEntity> findByApproverAndStatusOrderByCreatedAtAsc(String approver, ApprovalTask.Status status);

    long countByApproverAndStatus(String approver, ApprovalTask.Status status);

    List<ApprovalTaskEntity> findTop200ByApproverAndStatusNotOrderByDecidedAtDesc(String approver, ApprovalTask.Status status);

    List<ApprovalTaskEntity> findByApprovalIdOrderByIdAsc(long approvalId);

    List<ApprovalTaskEntity> findByApprovalIdAndRoundOrderByIdAsc(long approvalId, int round);

    boolean existsByApprovalIdAndApprover(long approvalId, String approver);

    /** Which of these requests have a task decided in one of these ways. */
    @org.springframework.data.jpa.repository.Query("select distinct t.approvalId from ApprovalTaskEntity t"
            + " where t.approvalId in :approvalIds and t.status in :statuses")
    java.util.Set<Long> decidedAmong(java.util.Collection<Long> approvalIds, java.util.Collection<ApprovalTask.Status> statuses);

    /** The request a task belongs to, without reading the task itself. */
    @org.springframework.data.jpa.repository.Query("select t.approvalId from ApprovalTaskEntity t where t.id = :id")
    java.util.Optional<Long> approvalOf(long id);
}
