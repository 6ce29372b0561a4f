package io.actionflow.pages.ui;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.CurrentUser;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the blocks of one open page share: the services, the page as it is now, design mode, and the wiring between
 * blocks (a details block follows the record selected in its source table; a write refreshes the blocks that show it).
 */
final class PageContext {

    final PageService pages;
    final CollectionService collections;
    final RecordQueries queries;
    final ActionDispatcher dispatcher;
    final CurrentUser currentUser;
    final boolean design;
    final Long recordFromAddress;
    private PageDefinition page;
    private final Consumer<PageDefinition> redraw;
    private final Map<Long, BlockView> blocks = new LinkedHashMap<>();
    private final Map<String, CollectionDefinition> collectionCache = new HashMap<>();

    PageContext(PageService pages, CollectionService collections, RecordQueries queries, ActionDispatcher dispatcher,
            CurrentUser currentUser, PageDefinition page, boolean design, Long recordFromAddress,
            Consumer<PageDefinition> redraw) {
        this.pages = pages;
        this.collections = collections;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.currentUser = currentUser;
        this.page = page;
        this.design = design;
        this.recordFromAddress = recordFromAddress;
        this.redraw = redraw;
    }

    PageDefinition page() {
        return page;
    }

    CollectionDefinition collection(String name) {
        return collectionCache.computeIfAbsent(name, collections::require);
    }

    void register(BlockView view) {
        blocks.put(view.block().id(), view);
    }

    /** A design change was saved: redraw the page from its new definition. */
    void changed(PageDefinition newDefinition) {
        this.page = newDefinition;
        collectionCache.clear();
        redraw.accept(newDefinition);
    }

    /** Reloads the named blocks and every block that shows the same collection as {@code source}. */
    void refreshAfterWrite(BlockView source, Collection<Long> chosen) {
        for (BlockView view : blocks.values()) {
            if (view == source || chosen.contains(view.block().id())
                    || view.block().collection().equals(source.block().collection())) {
                view.refresh();
            }
        }
    }

    /** A record was selected in a table or list: blocks that follow it show it. */
    void selected(long blockId, StoredRecord record) {
        for (BlockView view : blocks.values()) {
            if (Long.valueOf(blockId).equals(view.block().sourceBlockId())) {
                view.follow(record);
            }
        }
    }
}
