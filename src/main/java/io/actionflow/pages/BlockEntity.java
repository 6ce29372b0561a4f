package io.actionflow.pages;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "af_block")
class BlockEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "page_id")
    private PageEntity page;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BlockType type;

    @Column(name = "collection_name", nullable = false, length = 48)
    private String collection;

    @Column(length = 200)
    private String title;

    @Column(name = "layout_column")
    private int column;

    private int position;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private FormMode formMode;

    private int pageSize = 25;

    private Long sourceBlockId;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "af_block_field", joinColumns = @JoinColumn(name = "block_id"))
    @OrderColumn(name = "position")
    @Column(name = "field_name", length = 63)
    private List<String> fields = new ArrayList<>();

    @OneToMany(mappedBy = "block", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<ButtonEntity> buttons = new ArrayList<>();

    protected BlockEntity() {
    }

    BlockEntity(PageEntity page, BlockType type, String collection) {
        this.page = page;
        this.type = type;
        this.collection = collection;
    }

    void apply(BlockDraft draft) {
        title = draft.title() == null || draft.title().isBlank() ? null : draft.title().strip();
        column = draft.column();
        fields.clear();
        fields.addAll(draft.fields());
        formMode = type == BlockType.FORM ? draft.formMode() : null;
        pageSize = draft.pageSize() <= 0 ? 25 : Math.min(draft.pageSize(), 500);
        sourceBlockId = draft.sourceBlockId();
    }

    /** A field of the block's collection took another name: the block shows it, and its buttons write it, under that name. */
    void renameField(String from, String to) {
        fields.replaceAll(name -> name.equals(from) ? to : name);
        buttons.forEach(button -> button.renamePreset(from, to));
    }

    BlockDefinition definition() {
        return new BlockDefinition(id, page.getId(), type, collection, title, column, position, List.copyOf(fields),
                formMode, pageSize, sourceBlockId, buttons.stream().map(ButtonEntity::definition).toList());
    }

    Long getId() {
        return id;
    }

    PageEntity getPage() {
        return page;
    }

    BlockType getType() {
        return type;
    }

    String getCollection() {
        return collection;
    }

    int getColumn() {
        return column;
    }

    void setColumn(int column) {
        this.column = column;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    FormMode getFormMode() {
        return formMode;
    }

    List<ButtonEntity> getButtons() {
        return buttons;
    }

    int nextButtonPosition() {
        return buttons.stream().mapToInt(ButtonEntity::getPosition).max().orElse(0) + 1;
    }
}
