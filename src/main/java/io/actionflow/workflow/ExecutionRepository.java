package io.actionflow.workflow;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ExecutionRepository extends JpaRepository<ExecutionEntity, Long>, JpaSpecificationExecutor<ExecutionEntity> {

    boolean existsByWorkflowIdAndTestRunFalse(Long workflowId);

    List<ExecutionEntity> findByWorkflowIdOrderByIdDesc(Long workflowId, Pageable page);

    Optional<ExecutionEntity> findFirstByKeyAndTestRunFalseOrderByIdDesc(String key);
}
