package io.actionflow.collections;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FieldRepository extends JpaRepository<FieldEntity, Long> {

    List<FieldEntity> findByInverseOf(FieldEntity field);

    List<FieldEntity> findByTarget(CollectionEntity target);
}
