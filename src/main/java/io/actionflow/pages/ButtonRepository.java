package io.actionflow.pages;

import org.springframework.data.jpa.repository.JpaRepository;

interface ButtonRepository extends JpaRepository<ButtonEntity, Long> {
}
