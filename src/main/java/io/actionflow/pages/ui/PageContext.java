package io.actionflow.pages.ui;

import io.actionflow.access.Access;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.Roles;
import io.actionflow.workflow.WorkflowService;
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
    /** To make a rule global from design mode. */
    final WorkflowService workflows;
    final CurrentUser currentUser;
    final Access access;
    final Roles roles;
    /** What the signed-in user may read and do, for every block of this page. */
    final Access.Reader reader;
    final boolean design;
    final Long recordFromAddress;
    /** Each user's own column layout of the tables. */
    final io.actionflow.pages.ColumnLayouts layouts;
    private PageDefinition page;
    private final Consumer<PageDefinition> redraw;
    private final Map<Long, BlockView> blocks = new LinkedHashMap<>();
    private final Map<String, CollectionDefinition> collectionCache = new HashMap<>();

    PageContext(PageService pages, CollectionService collections, RecordQueries queries, ActionDispatcher dispatcher,
            WorkflowService workflows, CurrentUser currentUser,
            Access access, Roles roles,
            io.actionflow.pages.ColumnLayouts layouts, PageDefinition page, boolean design, Long recordFromAddress,
            Consumer<PageDefinition> redraw) {
        this.layouts = layouts;
        this.access = access;
        this.roles = roles;
        this.reader = access.reader();
        this.pages = pages;
        this.collections = collections;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.workflows = workflows;
        this.currentUser = currentUser;
        this.page = page;
        this.design = design;
        this.recordFromAddress = recordFromAddress;
        this.redraw = redraw;
    }

    PageDefinition page() {
        return page;
    }

    /** What a button needs its user to be allowed on its block's collection. */
    static io.actionflow.access.Act act(io.actionflow.pages.ButtonKind kind) {
        return switch (kind) {
            case SUBMIT, ADD_NEW -> io.actionflow.access.Act.CREATE;
            case SAVE, UPDATE_RECORD, EDIT -> io.actionflow.access.Act.UPDATE;
            case DELETE, DELETE_SELECTED -> io.actionflow.access.Act.DELETE;
            case TRIGGER_WORKFLOW -> io.actionflow.access.Act.TRIGGER;
            case VIEW, REFRESH -> io.actionflow.access.Act.VIEW;
        };
    }

    /** Whether the signed-in user may use this button (design mode shows every button to the admin). */
    boolean shows(io.actionflow.pages.ButtonDefinition button, String collection) {
        return design || reader.may(collection, act(button.kind()));
    }

    /** Whether the signed-in user may see this block: read its records, or for a create form, create them. */
    boolean shows(io.actionflow.pages.BlockDefinition block) {
        if (design) {
            return true;
        }
        boolean creates = block.type() == io.actionflow.pages.BlockType.FORM && block.formMode() == io.actionflow.pages.FormMode.CREATE;
        return reader.may(block.collection(), creates ? io.actionflow.access.Act.CREATE : io.actionflow.access.Act.VIEW);
    }

    /** Of these fields, those the signed-in user may read. */
    java.util.List<String> readable(String collection, java.util.List<String> fields) {
        return fields.stream().filter(f -> reader.reads(collection, f)).toList();
    }

    /** The roles that see this page but may not read the records of {@code collection}: design mode warns of them. */
    java.util.List<String> rolesThatCannotRead(String collection) {
        return page.roles().stream().filter(r -> !io.actionflow.platform.Role.ADMIN_ID.equals(r))
                .filter(r -> !access.reader(new io.actionflow.access.Actor(null, null, r, null, null))
                        .may(collection, io.actionflow.access.Act.VIEW))
                .sorted().toList();
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

    /** A record was selected in a table or list: blocks that follow it show it. Returns whether any does. */
    boolean selected(long blockId, StoredRecord record) {
        boolean followed = false;
        for (BlockView view : blocks.values()) {
            if (Long.valueOf(blockId).equals(view.block().sourceBlockId())) {
                view.follow(record);
                followed = true;
            }
        }
        return followed;
    }
}
