package io.actionflow.pages;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ColumnLayoutRepository extends JpaRepository<ColumnLayoutEntity, Long> {

    Optional<ColumnLayoutEntity> findByUserIdAndBlockId(long userId, long blockId);

    void deleteByUserIdAndBlockId(long userId, long blockId);
}
