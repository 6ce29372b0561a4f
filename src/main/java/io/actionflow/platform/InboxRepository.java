package io.actionflow.platform;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboxRepository extends JpaRepository<InboxMessage, Long> {

    long countByUsernameAndReadAtIsNull(String username);

    List<InboxMessage> findByUsernameOrderByIdDesc(String username, Pageable page);
}
