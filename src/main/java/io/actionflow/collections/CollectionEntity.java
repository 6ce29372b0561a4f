package io.actionflow.collections;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "af_collection")
class CollectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 48)
    private String name;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2000)
    private String description;

    @Column(length = 63)
    private String titleField;

    @Column(nullable = false, length = 63)
    private String tableName;

    private boolean builtIn;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "collection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<FieldEntity> fields = new ArrayList<>();

    protected CollectionEntity() {
    }

    CollectionEntity(String name, String title, String description, Instant createdAt) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.tableName = "rec_" + name;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getTitleField() {
        return titleField;
    }

    void setTitleField(String titleField) {
        this.titleField = titleField;
    }

    String getTableName() {
        return tableName;
    }

    boolean isBuiltIn() {
        return builtIn;
    }

    List<FieldEntity> getFields() {
        return fields;
    }

    Optional<FieldEntity> field(String fieldName) {
        return fields.stream().filter(f -> f.getName().equals(fieldName)).findFirst();
    }

    int nextPosition() {
        return fields.stream().mapToInt(FieldEntity::getPosition).max().orElse(0) + 1;
    }
}
