package io.actionflow.platform;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RoleRepository extends JpaRepository<RoleEntity, String> {

    @Query("select r from RoleEntity r order by r.position, r.name")
    List<RoleEntity> ordered();

    @Query("select coalesce(max(r.position), 0) from RoleEntity r")
    int lastPosition();
}
