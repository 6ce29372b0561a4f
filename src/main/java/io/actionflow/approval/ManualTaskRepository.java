package io.actionflow.approval;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface ManualTaskRepository extends JpaRepository<ManualTaskEntity, Long> {

    List<ManualTaskEntity> findByExecutionIdAndJobKeyOrderByIdAsc(long executionId, String jobKey);

    /** The tasks of one run of a node, locked: two people submitting at once are taken one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ManualTaskEntity> findForUpdateByExecutionIdAndJobKeyOrderByIdAsc(long executionId, String jobKey);

    List<ManualTaskEntity> findByAssigneeAndStatusOrderByCreatedAtAsc(String assignee, ManualTask.Status status);

    List<ManualTaskEntity> findTop200ByAssigneeAndStatusNotOrderByUpdatedAtDesc(String assignee, ManualTask.Status status);

    long countByAssigneeAndStatus(String assignee, ManualTask.Status status);

    List<ManualTaskEntity> findByExecutionIdOrderByIdAsc(long executionId);
}
