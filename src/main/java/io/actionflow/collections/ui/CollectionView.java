package io.actionflow.collections.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.RecordQueries;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Confirmations;
import io.actionflow.platform.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/** One collection: its fields (add, edit, reorder, remove) and a lazy preview of its records. */
@Route("admin/collections")
@RolesAllowed(Role.ADMIN_ID)
class CollectionView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final CollectionService collections;
    private final RecordQueries queries;
    private final H2 heading = new H2();
    private final Span subtitle = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Grid<FieldDefinition> fields = new Grid<>();
    private final Div preview = new Div();
    private final TabSheet tabs = new TabSheet();
    private CollectionDefinition collection;
    private final org.springframework.beans.factory.ObjectProvider<RecordEditors> editors;

    CollectionView(CollectionService collections, RecordQueries queries,
            org.springframework.beans.factory.ObjectProvider<RecordEditors> editors) {
        this.collections = collections;
        this.queries = queries;
        this.editors = editors;
        addClassName("af-page");
        setSizeFull();

        subtitle.addClassName("af-muted");
        var titles = new Div(heading, subtitle);
        titles.addClassName("af-page-heading");
        var header = new HorizontalLayout(titles, actions);
        header.setWidthFull();
        header.expand(titles);
        header.setAlignItems(Alignment.CENTER);
        header.addClassName("af-toolbar");

        fields.addColumn(FieldDefinition::title).setKey("title").setHeader(getTranslation("fields.title")).setAutoWidth(true);
        fields.addColumn(FieldDefinition::name).setKey("name").setHeader(getTranslation("fields.name")).setAutoWidth(true);
        fields.addColumn(this::typeText).setKey("type").setHeader(getTranslation("fields.type")).setAutoWidth(true);
        fields.addComponentColumn(this::flags).setKey("flags").setHeader(getTranslation("fields.rules")).setAutoWidth(true);
        fields.addComponentColumn(this::fieldActions).setKey("actions").setHeader(getTranslation("users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        fields.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        fields.setSizeFull();

        preview.setSizeFull();
        tabs.add(getTranslation("collections.tab.fields"), fields);
        tabs.add(getTranslation("collections.tab.data"), preview);
        tabs.setSizeFull();
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tabs.getTab(preview)) {
                showPreview();
            }
        });
        add(header, tabs);
    }

    @Override
    public void setParameter(BeforeEvent event, String name) {
        try {
            show(collections.require(name));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return collection == null ? getTranslation("collections.pageTitle") : collection.title();
    }

    private void show(CollectionDefinition definition) {
        this.collection = definition;
        heading.setText(definition.title());
        subtitle.setText(definition.description() == null ? definition.name() : definition.name() + " · " + definition.description());
        actions.removeAll();
        if (!definition.builtIn()) {
            var addField = new Button(getTranslation("fields.add"), VaadinIcon.PLUS.create(),
                    e -> new FieldDialog(collections, definition, null, this::show).open());
            addField.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var edit = new Button(getTranslation("collections.edit"), VaadinIcon.EDIT.create(),
                    e -> new CollectionDialog(collections, definition, this::show).open());
            var delete = new Button(getTranslation("collections.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(delete, edit, addField);
        }
        fields.setItems(definition.fields());
        if (tabs.getSelectedTab() == tabs.getTab(preview)) {
            showPreview();
        }
    }

    /** The records: to add, change and delete (built-in collections, such as users, have their own views: read only). */
    private void showPreview() {
        preview.removeAll();
        var editor = editors.getIfAvailable();
        preview.add(editor == null || collection.builtIn() ? new RecordPreview(queries, collection) : editor.table(collection));
    }

    private String typeText(FieldDefinition field) {
        String type = getTranslation(field.type().labelKey());
        return field.target() == null ? type : type + " → " + collections.find(field.target())
                .map(CollectionDefinition::title).orElse(field.target());
    }

    private Component flags(FieldDefinition field) {
        var badges = new Div();
        badges.addClassName("af-badges");
        if (field.required()) {
            badges.add(badge("fields.required"));
        }
        if (field.unique()) {
            badges.add(badge("fields.unique"));
        }
        if (field.indexed()) {
            badges.add(badge("fields.indexed"));
        }
        return badges;
    }

    private Span badge(String key) {
        var badge = new Span(getTranslation(key));
        badge.addClassNames("af-badge", "af-badge-muted");
        return badge;
    }

    private Component fieldActions(FieldDefinition field) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        if (collection.builtIn()) {
            return row;
        }
        var up = iconButton(VaadinIcon.ARROW_UP, "fields.moveUp", () -> move(field, -1));
        up.setEnabled(field.position() > collection.fields().getFirst().position());
        var down = iconButton(VaadinIcon.ARROW_DOWN, "fields.moveDown", () -> move(field, 1));
        down.setEnabled(field.position() < collection.fields().getLast().position());
        var edit = new Button(getTranslation("users.edit"), e -> new FieldDialog(collections, collection, field, this::show).open());
        var remove = new Button(getTranslation("fields.remove"), e -> confirmRemove(field));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {edit, remove}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        row.add(up, down, edit, remove);
        return row;
    }

    private Button iconButton(VaadinIcon icon, String labelKey, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }

    private void move(FieldDefinition field, int by) {
        int index = collection.fields().indexOf(field) + by;
        show(collections.moveField(collection.name(), field.name(), index));
    }

    private void confirmRemove(FieldDefinition field) {
        Confirmations.destructive(this, getTranslation("fields.remove.title", field.title()),
                getTranslation("fields.remove.message", field.title()), getTranslation("fields.remove"),
                () -> run(() -> {
                    show(collections.removeField(collection.name(), field.name()));
                    Notices.success(getTranslation("fields.removed", field.title()));
                })).open();
    }

    private void confirmDelete() {
        Confirmations.destructive(this, getTranslation("collections.delete.title", collection.title()),
                getTranslation("collections.delete.message", collection.title()), getTranslation("collections.delete"),
                () -> run(() -> {
                    collections.delete(collection.name());
                    Notices.success(getTranslation("collections.deleted", collection.title()));
                    getUI().ifPresent(ui -> ui.navigate(CollectionsView.class));
                })).open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (ValidationException refused) {
            Notices.refused(this, refused);
        }
    }
}
