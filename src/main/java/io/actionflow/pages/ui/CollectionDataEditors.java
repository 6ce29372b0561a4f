package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import io.actionflow.access.Access;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.ui.RecordEditors;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.pages.TriggerContext;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.workflow.WorkflowService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A collection's Data tab: a table block of every field with Add new, Edit, View and Delete, on a page that is not
 * stored (ids below zero). Its clicks go through the dispatcher as any page's do: checks, global workflows, approvals
 * and the record's creator apply; bound workflows do not, as no button here can be bound.
 */
@Service
class CollectionDataEditors implements RecordEditors {

    /** The page and block of a Data tab: not stored, so never confused with one that is. */
    static final long PAGE = -1;

    private final PageService pages;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final ActionDispatcher dispatcher;
    private final WorkflowService workflows;
    private final CurrentUser currentUser;
    private final Access access;
    private final Roles roles;

    CollectionDataEditors(PageService pages, CollectionService collections, RecordQueries queries, ActionDispatcher dispatcher,
            WorkflowService workflows, CurrentUser currentUser,
            Access access, Roles roles) {
        this.pages = pages;
        this.collections = collections;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.workflows = workflows;
        this.currentUser = currentUser;
        this.access = access;
        this.roles = roles;
    }

    @Override
    public Component table(CollectionDefinition collection) {
        var fields = collection.fields().stream().map(FieldDefinition::name).toList();
        var buttons = List.of(
                button(-1, ButtonKind.ADD_NEW, ButtonPlacement.TOOLBAR, ButtonStyle.PRIMARY),
                button(-2, ButtonKind.REFRESH, ButtonPlacement.TOOLBAR, ButtonStyle.DEFAULT),
                button(-3, ButtonKind.DELETE_SELECTED, ButtonPlacement.TOOLBAR, ButtonStyle.DANGER),
                button(-4, ButtonKind.VIEW, ButtonPlacement.ROW, ButtonStyle.DEFAULT),
                button(-5, ButtonKind.EDIT, ButtonPlacement.ROW, ButtonStyle.DEFAULT),
                button(-6, ButtonKind.DELETE, ButtonPlacement.ROW, ButtonStyle.DANGER));
        var block = new BlockDefinition(PAGE, PAGE, BlockType.TABLE, collection.name(), null, 0, 0, fields, null, 25, null, buttons);
        var page = new PageDefinition(PAGE, "", collection.title(), null, 0, 1, Set.of(Role.ADMIN_ID), List.of(block));
        var context = new PageContext(pages, collections, queries, dispatcher, workflows, currentUser, access, roles, null, page, false, null,
                changed -> { });
        var view = new TableBlockView(context, block);
        view.addClassName("af-data-tab");
        return view;
    }

    private static ButtonDefinition button(long id, ButtonKind kind, ButtonPlacement placement, ButtonStyle style) {
        return new ButtonDefinition(id, PAGE, kind, placement, (int) -id, null, null, style, null, null, List.of(), true, null,
                Map.of(), TriggerContext.NONE, List.of());
    }
}
