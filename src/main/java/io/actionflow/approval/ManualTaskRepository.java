package io.actionflow.approval;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ManualTaskRepository extends JpaRepository<ManualTaskEntity, Long> {

    List<ManualTaskEntity> findByExecutionIdAndJobKeyOrderByIdAsc(long executionId, String jobKey);

    /** The tasks of one run of a node, locked: two people submitting at once are taken one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ManualTaskEntity> findForUpdateByExecutionIdAndJobKeyOrderByIdAsc(long executionId, String jobKey);

    List<ManualTaskEntity> findByAssigneeAndStatusOrderByCreatedAtAsc(String assignee, ManualTask.Status status);

    List<ManualTaskEntity> findTop200ByAssigneeAndStatusNotOrderByUpdatedAtDesc(String assignee, ManualTask.Status status);

    long countByAssigneeAndStatus(String assignee, ManualTask.Status status);

    List<ManualTaskEntity> findByExecutionIdOrderByIdAsc(long executionId);

    /** Which run of a node a person's form belongs to, read without the form itself (it is read once locked). */
    @Query("select t.executionId as executionId, t.jobKey as jobKey from ManualTaskEntity t where t.id = :id and t.assignee = :assignee")
    Optional<Group> groupOf(long id, String assignee);

    interface Group {
        long getExecutionId();

        String getJobKey();
    }
}
