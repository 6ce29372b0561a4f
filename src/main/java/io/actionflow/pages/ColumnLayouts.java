package io.actionflow.pages;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in user's own layout of each table block: kept per user, never seen by anyone else, and only for blocks
 * on pages that user may open. A user without an account (an API token's service user) keeps none.
 */
@Service
public class ColumnLayouts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ColumnLayoutRepository layouts;
    private final BlockRepository blocks;
    private final PageService pages;
    private final CurrentUser currentUser;
    private final Clock clock;

    ColumnLayouts(ColumnLayoutRepository layouts, BlockRepository blocks, PageService pages, CurrentUser currentUser, Clock clock) {
        this.layouts = layouts;
        this.blocks = blocks;
        this.pages = pages;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The user's layout of the block, fitted to the fields it shows now; empty when the user has not changed it. */
    @Transactional(readOnly = true)
    public Optional<ColumnLayout> of(BlockDefinition block) {
        return currentUser.id().flatMap(user -> layouts.findByUserIdAndBlockId(user, block.id()))
                .map(entity -> read(entity.layout()).fitted(block.fields()));
    }

    /** Keeps the user's layout of the block; refused when it names fields the block does not show or hides them all. */
    @Transactional
    public ColumnLayout save(long blockId, ColumnLayout layout) {
        long user = currentUser.id().orElseThrow(() -> new ValidationException(FieldError.of("columns", "columns.noAccount")));
        var block = openable(blockId);
        check(block, layout);
        var entity = layouts.findByUserIdAndBlockId(user, blockId).orElseGet(() -> new ColumnLayoutEntity(user, blockId));
        entity.change(write(layout), clock.instant());
        layouts.save(entity);
        return layout;
    }

    /** Back to the block's own layout. */
    @Transactional
    public void reset(long blockId) {
        currentUser.id().ifPresent(user -> layouts.deleteByUserIdAndBlockId(user, blockId));
    }

    private BlockDefinition openable(long blockId) {
        var entity = blocks.findById(blockId).orElseThrow(() -> new NotFoundException("block.notFound", blockId));
        var page = entity.getPage().definition();
        // a block on a page the user may not open is as good as not there
        if (pages.visible().stream().noneMatch(p -> p.id() == page.id())) {
            throw new NotFoundException("block.notFound", blockId);
        }
        return page.block(blockId).orElseThrow(() -> new NotFoundException("block.notFound", blockId));
    }

    private static void check(BlockDefinition block, ColumnLayout layout) {
        var errors = new ArrayList<FieldError>();
        var seen = new HashSet<String>();
        for (var column : layout.columns()) {
            if (!block.fields().contains(column.field()) || !seen.add(column.field())) {
                errors.add(FieldError.of("columns", "columns.unknown", column.field()));
            }
            if (column.width() != null && (column.width() < ColumnLayout.NARROWEST || column.width() > ColumnLayout.WIDEST)) {
                errors.add(FieldError.of("columns." + column.field(), "columns.width", ColumnLayout.NARROWEST, ColumnLayout.WIDEST));
            }
        }
        if (!layout.columns().isEmpty() && layout.columns().stream().allMatch(ColumnLayout.Column::hidden)) {
            errors.add(FieldError.of("columns", "columns.allHidden"));
        }
        ValidationException.throwIfAny(errors);
    }

    private static String write(ColumnLayout layout) {
        var list = layout.columns().stream().map(c -> {
            var entry = new java.util.LinkedHashMap<String, Object>();
            entry.put("field", c.field());
            if (c.hidden()) {
                entry.put("hidden", true);
            }
            if (c.width() != null) {
                entry.put("width", c.width());
            }
            return entry;
        }).toList();
        return JSON.writeValueAsString(list);
    }

    private static ColumnLayout read(String stored) {
        var columns = new ArrayList<ColumnLayout.Column>();
        try {
            if (JSON.readValue(stored, Object.class) instanceof List<?> list) {
                for (Object entry : list) {
                    if (entry instanceof Map<?, ?> map && map.get("field") instanceof String field) {
                        columns.add(new ColumnLayout.Column(field, Boolean.TRUE.equals(map.get("hidden")),
                                map.get("width") instanceof Number n ? n.intValue() : null));
                    }
                }
            }
        } catch (tools.jackson.core.JacksonException unreadable) {
            // a layout that cannot be read is no layout: the block's own shows
            return new ColumnLayout(List.of());
        }
        return new ColumnLayout(columns);
    }
}
