package io.actionflow.collections.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.platform.Role;
import io.actionflow.platform.ui.ListToolbar;
import jakarta.annotation.security.RolesAllowed;

/** Every collection of the workspace; a click opens one. */
@Route("admin/collections")
@RolesAllowed(Role.ADMIN_ID)
class CollectionsView extends VerticalLayout implements HasDynamicTitle {

    private final CollectionService collections;
    private final Grid<CollectionDefinition> grid = new Grid<>();

    CollectionsView(CollectionService collections) {
        this.collections = collections;
        addClassName("af-page");
        setSizeFull();

        var toolbar = ListToolbar.of(getTranslation("collections.intro"), getTranslation("collections.new"),
                () -> new CollectionDialog(collections, null, created -> open(created.name())).open());

        grid.addColumn(CollectionDefinition::title).setKey("title").setHeader(getTranslation("collections.title"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(CollectionDefinition::name).setKey("name").setHeader(getTranslation("collections.name"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.fields().size()).setKey("fields").setHeader(getTranslation("collections.fields"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::kind).setKey("kind").setHeader(getTranslation("collections.kind")).setAutoWidth(true);
        grid.addColumn(c -> c.description() == null ? "" : c.description()).setKey("description")
                .setHeader(getTranslation("collections.description")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> open(e.getItem().name()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        grid.setItems(collections.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("collections.pageTitle");
    }

    private Component kind(CollectionDefinition collection) {
        var badge = new Span(getTranslation(collection.builtIn() ? "collections.builtIn" : "collections.custom"));
        badge.addClassNames("af-badge", collection.builtIn() ? "af-badge-muted" : "af-badge-success");
        return badge;
    }

    private void open(String name) {
        getUI().ifPresent(ui -> ui.navigate(CollectionView.class, name));
    }
}
