package io.actionflow.pages.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.actionflow.access.Access;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.ui.DesignMode;
import io.actionflow.workflow.WorkflowService;
import jakarta.annotation.security.PermitAll;

/**
 * A page as users see it: its blocks in one or two columns. Admins in design mode also get the controls to add and
 * configure blocks and buttons. The page address is {@code p/<slug>}; {@code ?record=<id>} opens a record in the
 * page's edit forms and details blocks.
 */
@Route("p")
@PermitAll
class PageView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final PageService pages;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final ActionDispatcher dispatcher;
    private final WorkflowService workflows;
    private final CurrentUser currentUser;
    private PageDefinition page;
    private Long record;
    private Registration designListener;

    private final Roles roles;
    private final Access access;
    private final io.actionflow.pages.ColumnLayouts layouts;

    PageView(PageService pages, CollectionService collections, RecordQueries queries, ActionDispatcher dispatcher,
            WorkflowService workflows, CurrentUser currentUser,
            Roles roles, Access access,
            io.actionflow.pages.ColumnLayouts layouts) {
        this.layouts = layouts;
        this.roles = roles;
        this.access = access;
        this.pages = pages;
        this.collections = collections;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.workflows = workflows;
        this.currentUser = currentUser;
        addClassName("af-page");
        addClassName("af-page-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        try {
            page = pages.open(slug);
        } catch (NotFoundException missing) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        record = event.getLocation().getQueryParameters().getSingleParameter("record")
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        render(page);
    }

    @Override
    public String getPageTitle() {
        return page == null ? "" : page.title();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        designListener = DesignMode.onChange(event.getUI(), on -> {
            if (page != null) {
                render(pages.open(page.slug()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (designListener != null) {
            designListener.remove();
        }
    }

    private void render(PageDefinition definition) {
        page = definition;
        removeAll();
        boolean design = DesignMode.isOn() && currentUser.isAdmin();
        var context = new PageContext(pages, collections, queries, dispatcher, workflows, currentUser, access, roles, layouts, definition, design,
                record, this::render);
        if (design) {
            add(designBar(context));
        }
        if (definition.blocks().isEmpty()) {
            var empty = new Paragraph(getTranslation(currentUser.isAdmin() && !design ? "page.empty.admin" : "page.empty"));
            empty.addClassName("af-muted");
            add(empty);
            return;
        }
        var columns = new Div();
        columns.addClassNames("af-columns", "af-columns-" + definition.columns());
        for (int c = 0; c < definition.columns(); c++) {
            var column = new Div();
            column.addClassName("af-column");
            for (BlockDefinition block : definition.column(c)) {
                if (collections.find(block.collection()).isEmpty()) {
                    // a block left on a collection that is gone (older data): said to admins, who may remove it
                    if (currentUser.isAdmin()) {
                        column.add(missing(context, block));
                    }
                    continue;
                }
                // a block its user may not use is not there for them
                if (context.shows(block)) {
                    column.add(create(context, block));
                }
            }
            columns.add(column);
        }
        add(columns);
        openFromAddress(context, definition);
    }

    /**
     * A page opened for one record ({@code ?record=}, from a notification, say) that has no block following the address
     * (details, an edit form) shows it in the view dialog of its first table or list.
     */
    private void openFromAddress(PageContext context, PageDefinition definition) {
        if (record == null || context.design || definition.blocks().stream().anyMatch(b -> b.type() == BlockType.DETAILS
                || b.type() == BlockType.FORM && b.formMode() == io.actionflow.pages.FormMode.EDIT)) {
            return;
        }
        getChildren().flatMap(c -> c.getChildren()).flatMap(c -> c.getChildren())
                .filter(c -> c instanceof TableBlockView || c instanceof ListBlockView).map(BlockView.class::cast).findFirst()
                .ifPresent(view -> context.reader.get(view.block().collection(), record)
                        .ifPresent(found -> RecordDialog.view(view, found).ifPresent(com.vaadin.flow.component.dialog.Dialog::open)));
    }

    private Div missing(PageContext context, BlockDefinition block) {
        var text = new Paragraph(getTranslation("page.block.missing", block.collection()));
        text.addClassName("af-muted");
        var box = new Div(text);
        box.addClassNames("af-block", "af-block-missing");
        if (context.design) {
            var remove = new Button(getTranslation("design.block.remove"), e -> context.changed(pages.removeBlock(block.id())));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            box.add(remove);
        }
        return box;
    }

    private static BlockView create(PageContext context, BlockDefinition block) {
        return switch (block.type()) {
            case TABLE -> new TableBlockView(context, block);
            case LIST -> new ListBlockView(context, block);
            case FORM -> new FormBlockView(context, block);
            case DETAILS -> new DetailsBlockView(context, block);
        };
    }

    private Div designBar(PageContext context) {
        var addBlock = new Button(getTranslation("design.block.add"), VaadinIcon.PLUS.create(), e -> BlockDialog.create(context).open());
        addBlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var settings = new Button(getTranslation("design.page.settings"), VaadinIcon.COG.create(),
                e -> new PageDialog(pages, roles, context.page(), saved -> context.changed(saved)).open());
        var hint = new Paragraph(getTranslation("design.hint"));
        hint.addClassName("af-muted");
        var bar = new Div(hint, settings, addBlock);
        bar.addClassName("af-design-bar");
        return bar;
    }
}
