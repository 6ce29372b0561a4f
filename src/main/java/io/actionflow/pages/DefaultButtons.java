package io.actionflow.pages;

import static io.actionflow.pages.ButtonPlacement.FORM;
import static io.actionflow.pages.ButtonPlacement.ROW;
import static io.actionflow.pages.ButtonPlacement.TOOLBAR;

import java.util.List;

/** The buttons a new block comes with, so that a page works before anyone configures a button. */
final class DefaultButtons {

    private DefaultButtons() {
    }

    static List<ButtonDraft> of(BlockType type, FormMode mode) {
        return switch (type) {
            case TABLE -> List.of(
                    button(ButtonKind.ADD_NEW, TOOLBAR, ButtonStyle.PRIMARY),
                    button(ButtonKind.REFRESH, TOOLBAR, ButtonStyle.DEFAULT),
                    button(ButtonKind.DELETE_SELECTED, TOOLBAR, ButtonStyle.DANGER),
                    button(ButtonKind.VIEW, ROW, ButtonStyle.DEFAULT),
                    button(ButtonKind.EDIT, ROW, ButtonStyle.DEFAULT),
                    button(ButtonKind.DELETE, ROW, ButtonStyle.DANGER));
            case LIST -> List.of(
                    button(ButtonKind.ADD_NEW, TOOLBAR, ButtonStyle.PRIMARY),
                    button(ButtonKind.REFRESH, TOOLBAR, ButtonStyle.DEFAULT),
                    button(ButtonKind.VIEW, ROW, ButtonStyle.DEFAULT),
                    button(ButtonKind.EDIT, ROW, ButtonStyle.DEFAULT),
                    button(ButtonKind.DELETE, ROW, ButtonStyle.DANGER));
            case FORM -> List.of(button(mode == FormMode.EDIT ? ButtonKind.SAVE : ButtonKind.SUBMIT, FORM, ButtonStyle.PRIMARY));
            case DETAILS -> List.of(
                    button(ButtonKind.EDIT, ROW, ButtonStyle.DEFAULT),
                    button(ButtonKind.DELETE, ROW, ButtonStyle.DANGER));
        };
    }

    private static ButtonDraft button(ButtonKind kind, ButtonPlacement placement, ButtonStyle style) {
        return ButtonDraft.of(kind, placement, null, style);
    }
}
