package io.actionflow.pages;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "af_page")
class PageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 64)
    private String icon;

    private int position;

    private int columns = 1;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "af_page_role", joinColumns = @JoinColumn(name = "page_id"))
    @Column(name = "role", length = 32)
    private Set<String> roles = new java.util.TreeSet<>();

    @OneToMany(mappedBy = "page", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BlockEntity> blocks = new ArrayList<>();

    protected PageEntity() {
    }

    PageEntity(String slug, Instant createdAt, int position) {
        this.slug = slug;
        this.createdAt = createdAt;
        this.position = position;
    }

    void apply(String newTitle, String newSlug, String newIcon, int newColumns, Set<String> newRoles) {
        title = newTitle;
        slug = newSlug;
        icon = newIcon;
        columns = newColumns;
        roles.clear();
        roles.addAll(newRoles);
    }

    PageDefinition definition() {
        return new PageDefinition(id, slug, title, icon, position, columns, Set.copyOf(roles),
                blocks.stream().sorted(Comparator.comparingInt(BlockEntity::getColumn).thenComparingInt(BlockEntity::getPosition))
                        .map(BlockEntity::definition).toList());
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getTitle() {
        return title;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    Set<String> getRoles() {
        return roles;
    }

    List<BlockEntity> getBlocks() {
        return blocks;
    }
}
