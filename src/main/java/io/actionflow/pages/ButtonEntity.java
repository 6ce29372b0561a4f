package io.actionflow.pages;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "af_button")
class ButtonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "block_id")
    private BlockEntity block;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ButtonKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ButtonPlacement placement;

    private int position;

    @Column(length = 100)
    private String label;

    @Column(length = 64)
    private String icon;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ButtonStyle style = ButtonStyle.DEFAULT;

    @Column(length = 500)
    private String confirmText;

    @Column(length = 500)
    private String successMessage;

    private boolean closeDialog = true;

    private Long goToPageId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private TriggerContext triggerContext;

    @Version
    private long version;

    /** The workflows bound to the button, in order, as a JSON list (see {@link BindingsJson}). */
    @Column(nullable = false, length = 100_000)
    private String bindings = "[]";

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "af_button_preset", joinColumns = @JoinColumn(name = "button_id"))
    @MapKeyColumn(name = "field_name", length = 63)
    @Column(name = "preset_value", length = 4000)
    private Map<String, String> presets = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "af_button_refresh", joinColumns = @JoinColumn(name = "button_id"))
    @Column(name = "block_id")
    private Set<Long> refreshBlockIds = new LinkedHashSet<>();

    protected ButtonEntity() {
    }

    ButtonEntity(BlockEntity block, ButtonKind kind, ButtonPlacement placement, int position) {
        this.block = block;
        this.kind = kind;
        this.placement = placement;
        this.position = position;
    }

    void apply(ButtonDraft draft) {
        label = blankToNull(draft.label());
        icon = blankToNull(draft.icon());
        style = draft.style() == null ? ButtonStyle.DEFAULT : draft.style();
        confirmText = blankToNull(draft.confirmText());
        successMessage = blankToNull(draft.successMessage());
        closeDialog = draft.closeDialog();
        goToPageId = draft.goToPageId();
        triggerContext = kind == ButtonKind.TRIGGER_WORKFLOW && placement == ButtonPlacement.TOOLBAR
                ? (draft.triggerContext() == null ? TriggerContext.NONE : draft.triggerContext())
                : null;
        presets.clear();
        if (kind == ButtonKind.UPDATE_RECORD && draft.presets() != null) {
            presets.putAll(draft.presets());
        }
        refreshBlockIds.clear();
        if (draft.refreshBlockIds() != null) {
            refreshBlockIds.addAll(draft.refreshBlockIds());
        }
    }

    /** The value it writes into a field that took another name, kept in its place among the others. */
    void renamePreset(String from, String to) {
        if (presets.containsKey(from)) {
            var renamed = new LinkedHashMap<String, String>();
            presets.forEach((name, value) -> renamed.put(name.equals(from) ? to : name, value));
            presets.clear();
            presets.putAll(renamed);
        }
    }

    ButtonDefinition definition() {
        return new ButtonDefinition(id, block.getId(), kind, placement, position, label, icon, style, confirmText,
                successMessage, List.copyOf(refreshBlockIds), closeDialog, goToPageId, Map.copyOf(presets),
                triggerContext, BindingsJson.read(bindings));
    }

    void setBindings(List<io.actionflow.dispatch.WorkflowBinding> bound) {
        bindings = BindingsJson.write(bound);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    Long getId() {
        return id;
    }

    BlockEntity getBlock() {
        return block;
    }

    ButtonKind getKind() {
        return kind;
    }

    ButtonPlacement getPlacement() {
        return placement;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }
}
