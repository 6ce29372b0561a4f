package io.actionflow.approval;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApprovalEvents extends JpaRepository<ApprovalEventEntity, Long> {

    List<ApprovalEventEntity> findByApprovalIdOrderByAtAscIdAsc(long approvalId);
}
