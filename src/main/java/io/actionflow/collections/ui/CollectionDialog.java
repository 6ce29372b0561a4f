package io.actionflow.collections.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import java.util.function.Consumer;

/** Creates a collection ({@code existing == null}: name, title, description) or edits its title, description and title field. */
final class CollectionDialog extends FormDialog {

    private final CollectionService collections;
    private final CollectionDefinition existing;
    private final Consumer<CollectionDefinition> onSaved;

    private final TextField title = new TextField();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Select<String> titleField = new Select<>();
    private boolean nameEdited;

    CollectionDialog(CollectionService collections, CollectionDefinition existing, Consumer<CollectionDefinition> onSaved) {
        super(null);
        this.collections = collections;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "collections.new" : "collections.edit"));

        title.setLabel(getTranslation("collections.title"));
        title.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("collections.name"));
        name.setHelperText(getTranslation("collections.name.help"));
        name.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("collections.description"));
        titleField.setLabel(getTranslation("collections.titleField"));
        titleField.setHelperText(getTranslation("collections.titleField.help"));
        titleField.setEmptySelectionAllowed(true);
        titleField.setEmptySelectionCaption(getTranslation("collections.titleField.none"));
        errors.bind("title", title).bind("name", name).bind("description", description).bind("titleField", titleField);
        checks(CollectionDraft.class).field("title", title).field("name", name).field("description", description);

        if (existing == null) {
            title.addValueChangeListener(e -> {
                if (!nameEdited) {
                    name.setValue(suggestName(e.getValue()));
                }
            });
            name.addValueChangeListener(e -> nameEdited |= e.isFromClient());
            form.add(title, name, description);
        } else {
            title.setValue(existing.title());
            name.setValue(existing.name());
            name.setReadOnly(true);
            description.setValue(existing.description() == null ? "" : existing.description());
            var candidates = existing.fields().stream()
                    .filter(f -> f.type().hasColumn() && f.type() != FieldType.MANY_TO_ONE)
                    .map(FieldDefinition::name).toList();
            titleField.setItems(candidates);
            titleField.setItemLabelGenerator(n -> n == null ? getTranslation("collections.titleField.none")
                    : existing.field(n).map(FieldDefinition::title).orElse(n));
            titleField.setValue(existing.titleField());
            form.add(title, name, description, titleField);
        }
    }

    @Override
    protected void save() {
        var draft = new CollectionDraft(name.getValue().strip(), title.getValue(), description.getValue(), titleField.getValue());
        var saved = existing == null ? collections.create(draft) : collections.update(existing.name(), draft);
        Notices.success(getTranslation("collections.saved", saved.title()));
        onSaved.accept(saved);
    }

    /** "Purchase requests" → "purchase_requests": a name the admin may keep or change. */
    static String suggestName(String title) {
        String name = io.actionflow.platform.Slugs.from(title, '_');
        if (!name.isEmpty() && !Character.isLetter(name.charAt(0))) {
            name = "c_" + name;
        }
        return CollectionService.freeName(name.length() > 48 ? name.substring(0, 48) : name);
    }
}
