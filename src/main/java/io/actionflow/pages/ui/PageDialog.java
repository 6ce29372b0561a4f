package io.actionflow.pages.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Creates a page ({@code existing == null}) or changes its title, address, icon, columns and the roles that see it. */
final class PageDialog extends FormDialog {

    private static final List<String> ICONS = List.of("vaadin:file-text-o", "vaadin:table", "vaadin:list", "vaadin:cart",
            "vaadin:clipboard-check", "vaadin:ticket", "vaadin:package", "vaadin:users", "vaadin:money",
            "vaadin:calendar", "vaadin:chart", "vaadin:tools", "vaadin:truck", "vaadin:book", "vaadin:flag");

    private final PageService pages;
    private final PageDefinition existing;
    private final Consumer<PageDefinition> onSaved;
    private final TextField title = new TextField();
    private final TextField slug = new TextField();
    private final Select<String> icon = new Select<>();
    private final Select<Integer> columns = new Select<>();
    private final CheckboxGroup<String> roles = new CheckboxGroup<>();

    PageDialog(PageService pages, io.actionflow.platform.Roles knownRoles, PageDefinition existing, Consumer<PageDefinition> onSaved) {
        super(null);
        this.pages = pages;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "pages.new" : "design.page.settings"));
        title.setLabel(getTranslation("pages.title"));
        title.setRequiredIndicatorVisible(true);
        slug.setLabel(getTranslation("pages.slug"));
        slug.setHelperText(getTranslation("pages.slug.help"));
        icon.setLabel(getTranslation("pages.icon"));
        icon.setItems(ICONS);
        icon.setRenderer(new ComponentRenderer<>(name -> {
            String[] parts = name.split(":", 2);
            return new Icon(parts[0], parts[1]);
        }));
        columns.setLabel(getTranslation("pages.columns"));
        columns.setItems(1, 2);
        columns.setItemLabelGenerator(c -> getTranslation("pages.columns." + c));
        roles.setLabel(getTranslation("pages.roles"));
        roles.setItems(knownRoles.list().stream().map(io.actionflow.platform.RoleDefinition::id).toList());
        roles.setItemLabelGenerator(r -> knownRoles.label(r, this::getTranslation));
        errors.bind("title", title).bind("slug", slug).bind("icon", icon).bind("columns", columns).bind("roles", roles);
        checks(PageDraft.class).field("title", title);
        form.add(title, slug, icon, columns, roles);
        if (existing == null) {
            icon.setValue(ICONS.getFirst());
            columns.setValue(1);
            roles.setValue(java.util.Set.copyOf(knownRoles.list().stream().map(io.actionflow.platform.RoleDefinition::id).toList()));
        } else {
            title.setValue(existing.title());
            slug.setValue(existing.slug());
            if (existing.icon() != null && !ICONS.contains(existing.icon())) {
                // an icon set elsewhere (the demo, an import, the API) stays the page's: offered with the others
                var offered = new java.util.ArrayList<>(ICONS);
                offered.addFirst(existing.icon());
                icon.setItems(offered);
            }
            icon.setValue(existing.icon() == null ? ICONS.getFirst() : existing.icon());
            columns.setValue(existing.columns());
            roles.setValue(existing.roles());
        }
    }

    @Override
    protected void save() {
        var draft = new PageDraft(title.getValue(), slug.getValue(), icon.getValue(),
                columns.getValue() == null ? 1 : columns.getValue(), Set.copyOf(roles.getValue()));
        var saved = existing == null ? pages.create(draft) : pages.update(existing.id(), draft);
        Notices.success(getTranslation("pages.saved", saved.title()));
        onSaved.accept(saved);
    }
}
