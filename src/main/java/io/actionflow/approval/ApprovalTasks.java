package io.actionflow.approval;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApprovalTasks extends JpaRepository<ApprovalTaskEntity, Long> {

    List<ApprovalTaskEntity> findByApproverAndStatusOrderByCreatedAtAsc(String approver, ApprovalTask.Status status);

    long countByApproverAndStatus(String approver, ApprovalTask.Status status);

    List<ApprovalTaskEntity> findByApprovalIdOrderByIdAsc(long approvalId);

    List<ApprovalTaskEntity> findByApprovalIdAndRoundOrderByIdAsc(long approvalId, int round);

    boolean existsByApprovalIdAndApprover(long approvalId, String approver);
}
