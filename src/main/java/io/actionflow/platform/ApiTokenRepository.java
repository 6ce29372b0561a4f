package io.actionflow.platform;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, Long> {

    Optional<ApiTokenEntity> findByTokenHash(String tokenHash);

    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update ApiTokenEntity t set t.lastUsedAt = :now where t.id = :id")
    int noteUse(long id, java.time.Instant now);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update ApiTokenEntity t set t.revokedAt = :now where t.username = :username and t.revokedAt is null")
    int revokeAll(String username, java.time.Instant now);

    List<ApiTokenEntity> findByUsernameAndKindOrderByCreatedAtDesc(String username, String kind);
}
