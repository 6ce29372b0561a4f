package io.actionflow.pages;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A page as the rest of the application sees it, with its blocks in order. */
public record PageDefinition(long id, String slug, String title, String icon, int position, int columns,
        Set<String> roles, List<BlockDefinition> blocks) {

    public Optional<BlockDefinition> block(long blockId) {
        return blocks.stream().filter(b -> b.id() == blockId).findFirst();
    }

    /** The blocks of one column (0 or 1), in order. */
    public List<BlockDefinition> column(int column) {
        return blocks.stream().filter(b -> Math.min(b.column(), columns - 1) == column).toList();
    }
}
