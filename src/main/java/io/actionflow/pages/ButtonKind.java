package io.actionflow.pages;

import static io.actionflow.pages.ButtonPlacement.FORM;
import static io.actionflow.pages.ButtonPlacement.ROW;
import static io.actionflow.pages.ButtonPlacement.TOOLBAR;

import io.actionflow.dispatch.Action;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a button does. Each kind belongs in certain blocks and places: Submit only in create forms, Delete selected
 * only in a table's toolbar, and so on ({@link #fits}).
 */
public enum ButtonKind {
    SUBMIT(Set.of(FORM), Set.of(BlockType.FORM)),
    SAVE(Set.of(FORM), Set.of(BlockType.FORM)),
    UPDATE_RECORD(Set.of(ROW), Set.of(BlockType.TABLE, BlockType.LIST, BlockType.DETAILS)),
    DELETE(Set.of(ROW), Set.of(BlockType.TABLE, BlockType.LIST, BlockType.DETAILS)),
    DELETE_SELECTED(Set.of(TOOLBAR), Set.of(BlockType.TABLE)),
    ADD_NEW(Set.of(TOOLBAR), Set.of(BlockType.TABLE, BlockType.LIST)),
    EDIT(Set.of(ROW), Set.of(BlockType.TABLE, BlockType.LIST, BlockType.DETAILS)),
    VIEW(Set.of(ROW), Set.of(BlockType.TABLE, BlockType.LIST)),
    REFRESH(Set.of(TOOLBAR), Set.of(BlockType.TABLE, BlockType.LIST)),
    TRIGGER_WORKFLOW(Set.of(TOOLBAR, ROW, FORM), Set.of(BlockType.values()));

    private final Set<ButtonPlacement> placements;
    private final Set<BlockType> blocks;

    ButtonKind(Set<ButtonPlacement> placements, Set<BlockType> blocks) {
        this.placements = placements;
        this.blocks = blocks;
    }

    /** Whether a button of this kind may sit at {@code placement} in a block of this type and form mode. */
    public boolean fits(BlockType block, FormMode mode, ButtonPlacement placement) {
        if (!blocks.contains(block) || !placements.contains(placement)) {
            return false;
        }
        if (block == BlockType.FORM) {
            return placement == FORM && switch (this) {
                case SUBMIT -> mode == FormMode.CREATE;
                case SAVE -> mode == FormMode.EDIT;
                default -> this == TRIGGER_WORKFLOW;
            };
        }
        if (placement == FORM) {
            return false;
        }
        return block != BlockType.DETAILS || placement == ROW;
    }

    /**
     * The data action a button of this kind performs, when it can run workflows (mission.md's support matrix). Add new
     * and Edit create and update through the Submit and Save of the dialog they open, so they are bound like a form's
     * Submit and Save: a rule bound to one form is not skipped by the table's dialog.
     */
    public Optional<Action> action() {
        return Optional.ofNullable(switch (this) {
            case SUBMIT, ADD_NEW -> Action.CREATE;
            case SAVE, UPDATE_RECORD, EDIT -> Action.UPDATE;
            case DELETE, DELETE_SELECTED -> Action.DESTROY;
            case TRIGGER_WORKFLOW -> Action.TRIGGER;
            case VIEW, REFRESH -> null;
        });
    }

    public String labelKey() {
        return "buttonKind." + name().toLowerCase(Locale.ROOT);
    }
}
