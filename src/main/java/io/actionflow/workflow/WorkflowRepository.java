package io.actionflow.workflow;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkflowRepository extends JpaRepository<WorkflowEntity, Long> {

    List<WorkflowEntity> findByKeyOrderByNumberDesc(String key);

    List<WorkflowEntity> findByEnabledTrueOrderByTitleAscKeyAsc();

    Optional<WorkflowEntity> findByKeyAndCurrentTrue(String key);

    /** One row per key: the current version, or the newest when none is current. */
    @Query("""
            select w from WorkflowEntity w
            where w.current = true
               or (w.number = (select max(o.number) from WorkflowEntity o where o.key = w.key)
                   and not exists (select 1 from WorkflowEntity c where c.key = w.key and c.current = true))
            order by w.title, w.key""")
    List<WorkflowEntity> findLatest();
}
