package io.actionflow.pages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A user's layout of one table block, stored as JSON. */
@Entity
@Table(name = "af_column_layout")
class ColumnLayoutEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "block_id", nullable = false)
    private long blockId;

    @Column(nullable = false, length = 8000)
    private String layout;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ColumnLayoutEntity() {
    }

    ColumnLayoutEntity(long userId, long blockId) {
        this.userId = userId;
        this.blockId = blockId;
    }

    String layout() {
        return layout;
    }

    void change(String newLayout, Instant now) {
        this.layout = newLayout;
        this.updatedAt = now;
    }
}
