package io.actionflow.platform;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboxRepository extends JpaRepository<InboxMessage, Long> {

    long countByUsernameAndReadAtIsNull(String username);

    List<InboxMessage> findByUsernameOrderByIdDesc(String username, Pageable page);

    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update InboxMessage m set m.readAt = :now where m.username = :username and m.readAt is null")
    int markAllRead(String username, java.time.Instant now);
}
