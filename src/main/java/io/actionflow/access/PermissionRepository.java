package io.actionflow.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermissionRepository extends JpaRepository<PermissionEntity, Long> {

    List<PermissionEntity> findByRole(String role);

    Optional<PermissionEntity> findByRoleAndCollection(String role, String collection);

    List<PermissionEntity> findAllByOrderByRoleAscCollectionAsc();
}
