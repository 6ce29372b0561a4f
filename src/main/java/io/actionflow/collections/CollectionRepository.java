package io.actionflow.collections;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CollectionRepository extends JpaRepository<CollectionEntity, Long> {

    @Query("select distinct c from CollectionEntity c left join fetch c.fields where c.name = :name")
    Optional<CollectionEntity> findByName(String name);

    boolean existsByName(String name);

    @Query("select distinct c from CollectionEntity c left join fetch c.fields order by c.builtIn desc, c.title")
    List<CollectionEntity> findAllWithFields();
}
