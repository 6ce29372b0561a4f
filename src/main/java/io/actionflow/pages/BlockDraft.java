package io.actionflow.pages;

import jakarta.validation.constraints.Size;
import java.util.List;

/** A new block, or the new settings of one (its type and collection stay). */
public record BlockDraft(BlockType type, String collection, @Size(max = 200, message = "{validation.tooLong}") String title, int column, List<String> fields, FormMode formMode, int pageSize,
        Long sourceBlockId) {
}
