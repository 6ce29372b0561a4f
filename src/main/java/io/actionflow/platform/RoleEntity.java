package io.actionflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "af_role")
class RoleEntity {

    @Id
    @Column(length = 32)
    private String name;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private Instant createdAt;

    protected RoleEntity() {
    }

    RoleEntity(String name, String title, int position, Instant createdAt) {
        this.name = name;
        this.title = title;
        this.position = position;
        this.createdAt = createdAt;
    }

    RoleDefinition definition() {
        return new RoleDefinition(name, title, position);
    }

    void setTitle(String title) {
        this.title = title;
    }
}
