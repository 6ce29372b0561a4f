package io.actionflow.approval;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalEvents extends JpaRepository<ApprovalEventEntity, Long> {

    List<ApprovalEventEntity> findByApprovalIdOrderByAtAscIdAsc(long approvalId);
}
