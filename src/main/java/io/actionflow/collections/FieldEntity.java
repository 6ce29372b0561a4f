package io.actionflow.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "af_field")
class FieldEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "collection_id")
    private CollectionEntity collection;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private FieldType type;

    private int position;

    private boolean required;

    @Column(name = "unique_value")
    private boolean unique;

    private boolean indexed;

    @Column(length = 4000)
    private String defaultValue;

    @Column(precision = 38, scale = 10)
    private BigDecimal minValue;

    @Column(precision = 38, scale = 10)
    private BigDecimal maxValue;

    @Column(length = 500)
    private String pattern;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_collection_id")
    private CollectionEntity target;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "inverse_of_field_id")
    private FieldEntity inverseOf;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "af_field_option", joinColumns = @JoinColumn(name = "field_id"))
    @OrderColumn(name = "position")
    @Column(name = "label", length = 255)
    private List<String> options = new ArrayList<>();

    @Version
    private long version;

    protected FieldEntity() {
    }

    FieldEntity(CollectionEntity collection, String name, FieldType type, int position) {
        this.collection = collection;
        this.name = name;
        this.type = type;
        this.position = position;
    }

    FieldDefinition definition() {
        return new FieldDefinition(id, name, title, type, position, required, unique, indexed, defaultValue, minValue,
                maxValue, pattern, List.copyOf(options), target == null ? null : target.getName(),
                inverseOf == null ? null : inverseOf.getName());
    }

    void apply(FieldSettings settings) {
        this.title = settings.title();
        this.required = settings.required();
        this.unique = settings.unique();
        this.indexed = settings.indexed();
        this.defaultValue = settings.defaultValue();
        this.minValue = settings.min();
        this.maxValue = settings.max();
        this.pattern = settings.pattern();
        this.options.clear();
        if (settings.options() != null) {
            this.options.addAll(settings.options());
        }
    }

    Long getId() {
        return id;
    }

    CollectionEntity getCollection() {
        return collection;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    FieldType getType() {
        return type;
    }

    void setType(FieldType type) {
        this.type = type;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    boolean isUnique() {
        return unique;
    }

    boolean isIndexed() {
        return indexed;
    }

    CollectionEntity getTarget() {
        return target;
    }

    void setTarget(CollectionEntity target) {
        this.target = target;
    }

    FieldEntity getInverseOf() {
        return inverseOf;
    }

    void setInverseOf(FieldEntity inverseOf) {
        this.inverseOf = inverseOf;
    }
}
