package io.actionflow.pages;

import org.springframework.data.jpa.repository.JpaRepository;

interface BlockRepository extends JpaRepository<BlockEntity, Long> {
}
