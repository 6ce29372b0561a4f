package io.actionflow.workflow;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionRepository extends JpaRepository<ExecutionEntity, Long> {

    boolean existsByWorkflowIdAndTestRunFalse(Long workflowId);

    List<ExecutionEntity> findByWorkflowIdOrderByIdDesc(Long workflowId, Pageable page);
}
