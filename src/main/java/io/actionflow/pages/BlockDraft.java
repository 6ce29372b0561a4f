package io.actionflow.pages;

import java.util.List;

/** A new block, or the new settings of one (its type and collection stay). */
public record BlockDraft(BlockType type, String collection, String title, int column, List<String> fields,
        FormMode formMode, int pageSize, Long sourceBlockId) {
}
