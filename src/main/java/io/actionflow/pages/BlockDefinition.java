package io.actionflow.pages;

import java.util.List;

/**
 * A block on a page.
 *
 * @param fields        the fields it shows, in order: table columns, card lines, form fields, details lines
 * @param sourceBlockId for a details (or edit form) block: the table or list whose selected record it shows
 */
public record BlockDefinition(long id, long pageId, BlockType type, String collection, String title, int column,
        int position, List<String> fields, FormMode formMode, int pageSize, Long sourceBlockId,
        List<ButtonDefinition> buttons) {

    public List<ButtonDefinition> buttons(ButtonPlacement placement) {
        return buttons.stream().filter(b -> b.placement() == placement).toList();
    }
}
