package io.actionflow.workflow;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobRepository extends JpaRepository<JobEntity, Long> {

    List<JobEntity> findByExecutionIdOrderById(Long executionId);
}
