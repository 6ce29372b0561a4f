package io.actionflow.pages;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PageRepository extends JpaRepository<PageEntity, Long> {

    @Query("select distinct p from PageEntity p left join fetch p.blocks where p.slug = :slug")
    Optional<PageEntity> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select distinct p from PageEntity p left join fetch p.blocks order by p.position, p.id")
    List<PageEntity> findAllOrdered();
}
