package io.actionflow.pages.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.platform.ui.Confirmations;
import io.actionflow.platform.ui.DesignMode;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.ListToolbar;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Every page of the workspace, in menu order: create, open in design mode, change, reorder, delete. */
@Route("admin/pages")
@RolesAllowed(Role.ADMIN_ID)
class PagesView extends VerticalLayout implements HasDynamicTitle {

    private final PageService pages;
    private final io.actionflow.platform.Roles roles;
    private final Grid<PageDefinition> grid = new Grid<>();

    PagesView(PageService pages, io.actionflow.platform.Roles roles) {
        this.pages = pages;
        this.roles = roles;
        addClassName("af-page");
        setSizeFull();
        var toolbar = ListToolbar.of(getTranslation("pages.intro"), getTranslation("pages.new"),
                () -> new PageDialog(pages, roles, null, this::design).open());

        grid.addColumn(PageDefinition::title).setKey("title").setHeader(getTranslation("pages.title")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(p -> "/p/" + p.slug()).setKey("slug").setHeader(getTranslation("pages.slug")).setAutoWidth(true);
        grid.addColumn(p -> p.roles().stream().sorted().map(r -> roles.label(r, this::getTranslation)).collect(Collectors.joining(", ")))
                .setKey("roles").setHeader(getTranslation("pages.roles")).setAutoWidth(true);
        grid.addColumn(p -> p.blocks().size()).setKey("blocks").setHeader(getTranslation("pages.blocks")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        grid.setItems(pages.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pages.pageTitle");
    }

    private Component actions(PageDefinition page) {
        var open = small(getTranslation("pages.open"), () -> getUI().ifPresent(ui -> ui.navigate(PageView.class, page.slug())));
        var design = small(getTranslation("pages.design"), () -> design(page));
        var edit = small(getTranslation("users.edit"), () -> new PageDialog(pages, roles, page, saved -> reload()).open());
        var up = small(null, () -> move(page, -1));
        up.setIcon(VaadinIcon.ARROW_UP.create());
        up.setAriaLabel(getTranslation("fields.moveUp"));
        var down = small(null, () -> move(page, 1));
        down.setIcon(VaadinIcon.ARROW_DOWN.create());
        down.setAriaLabel(getTranslation("fields.moveDown"));
        var delete = small(getTranslation("pages.delete"), () -> confirmDelete(page));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var row = new Div(open, design, edit, up, down, delete);
        row.addClassName("af-row-actions");
        return row;
    }

    private static Button small(String text, Runnable action) {
        var button = text == null ? new Button() : new Button(text);
        button.addClickListener(e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void design(PageDefinition page) {
        DesignMode.set(true);
        getUI().ifPresent(ui -> ui.navigate(PageView.class, page.slug()));
    }

    private void move(PageDefinition page, int by) {
        var all = pages.list();
        int index = all.stream().map(PageDefinition::id).toList().indexOf(page.id());
        pages.move(page.id(), index + by);
        reload();
    }

    private void reload() {
        grid.setItems(pages.list());
    }

    private void confirmDelete(PageDefinition page) {
        Confirmations.destructive(this, getTranslation("pages.delete.title", page.title()),
                getTranslation("pages.delete.message", page.title()), getTranslation("pages.delete"), () -> {
                    pages.delete(page.id());
                    Notices.success(getTranslation("pages.deleted", page.title()));
                    reload();
                }).open();
    }
}
