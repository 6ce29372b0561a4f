package io.actionflow.approval;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRequests extends JpaRepository<ApprovalEntity, Long> {

    /** The request, locked until the transaction ends: decisions on one request take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ApprovalEntity a where a.id = :id")
    Optional<ApprovalEntity> lock(long id);

    List<ApprovalEntity> findBySubmitterOrderByCreatedAtDesc(String submitter);

    List<ApprovalEntity> findByExecutionId(long executionId);

    List<ApprovalEntity> findByStatus(Approval.Status status);

    @Query("""
            select a.recordId from ApprovalEntity a
            where a.collection = :collection and a.beforeSave = false and a.recordId in :ids
              and a.status in (io.actionflow.approval.Approval.Status.PENDING, io.actionflow.approval.Approval.Status.RETURNED)""")
    List<Long> locked(String collection, Collection<Long> ids);
}
