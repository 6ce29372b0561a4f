package io.actionflow.collections.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds a field ({@code existing == null}) or changes one. Only the settings that apply to the chosen type are shown;
 * the service decides what is allowed (for example, which type changes keep the data).
 */
final class FieldDialog extends FormDialog {

    private final CollectionService collections;
    private final CollectionDefinition collection;
    private final FieldDefinition existing;
    private final Consumer<CollectionDefinition> onSaved;

    private final TextField title = new TextField();
    private final TextField name = new TextField();
    private final Select<FieldType> type = new Select<>();
    private final Select<String> target = new Select<>();
    private final TextField inverseName = new TextField();
    private final TextArea options = new TextArea();
    private final Checkbox required = new Checkbox();
    private final Checkbox unique = new Checkbox();
    private final Checkbox indexed = new Checkbox();
    private final TextField defaultValue = new TextField();
    private final BigDecimalField min = new BigDecimalField();
    private final BigDecimalField max = new BigDecimalField();
    private final TextField pattern = new TextField();
    private boolean nameEdited;
    /** How many records hold each option now, and where the admin moves those of options that go. */
    private final java.util.Map<String, Long> uses;
    private final java.util.Map<String, String> moves = new java.util.LinkedHashMap<>();
    private final Div moveTo = new Div();
    /** For a type change that does not widen: the admin's consent to empty the values the new type cannot read. */
    private final Checkbox emptyUnreadable = new Checkbox();

    FieldDialog(CollectionService collections, CollectionDefinition collection, FieldDefinition existing,
            Consumer<CollectionDefinition> onSaved) {
        super(null);
        this.collections = collections;
        this.collection = collection;
        this.existing = existing;
        this.onSaved = onSaved;
        this.uses = existing != null && existing.type() == FieldType.SINGLE_SELECT
                ? collections.optionUses(collection.name(), existing.name()) : java.util.Map.of();
        setHeaderTitle(existing == null
                ? getTranslation("fields.add.title", collection.title())
                : getTranslation("fields.edit.title", existing.title()));
        labels();
        errors.bind("title", title).bind("name", name).bind("type", type).bind("target", target)
                .bind("inverseName", inverseName).bind("options", options).bind("defaultValue", defaultValue)
                .bind("min", min).bind("max", max).bind("pattern", pattern);
        checks(FieldSettings.class).field("title", title).field("defaultValue", defaultValue).field("pattern", pattern);

        type.setItems(Arrays.stream(FieldType.values()).filter(t -> t != FieldType.ONE_TO_MANY || existing != null).toList());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        target.setItems(collections.list().stream().map(CollectionDefinition::name).toList());
        target.setItemLabelGenerator(n -> collections.find(n).map(CollectionDefinition::title).orElse(n));
        type.addValueChangeListener(e -> adaptTo(e.getValue()));
        title.addValueChangeListener(e -> {
            if (existing == null && !nameEdited) {
                name.setValue(CollectionDialog.suggestName(e.getValue()));
            }
        });
        name.addValueChangeListener(e -> nameEdited |= e.isFromClient());

        var rules = new Div(required, unique, indexed);
        rules.addClassName("af-checkbox-row");
        moveTo.addClassName("af-option-moves");
        options.addValueChangeListener(e -> showMoves());
        emptyUnreadable.setVisible(false);
        // the refusal it answers no longer holds once it is ticked
        emptyUnreadable.addValueChangeListener(e -> {
            type.setInvalid(false);
            type.setErrorMessage(null);
        });
        form.add(title, name, type, emptyUnreadable, target, inverseName, options, moveTo, rules, defaultValue, min, max, pattern);
        fill();
    }

    private void labels() {
        title.setLabel(getTranslation("fields.title"));
        title.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("fields.name"));
        name.setHelperText(getTranslation("fields.name.help"));
        name.setRequiredIndicatorVisible(true);
        type.setLabel(getTranslation("fields.type"));
        target.setLabel(getTranslation("fields.target"));
        inverseName.setLabel(getTranslation("fields.inverseName"));
        inverseName.setHelperText(getTranslation("fields.inverseName.help"));
        options.setLabel(getTranslation("fields.options"));
        options.setHelperText(getTranslation("fields.options.help"));
        required.setLabel(getTranslation("fields.required"));
        unique.setLabel(getTranslation("fields.unique"));
        indexed.setLabel(getTranslation("fields.indexed"));
        indexed.setTooltipText(getTranslation("fields.indexed.help"));
        defaultValue.setLabel(getTranslation("fields.defaultValue"));
        pattern.setLabel(getTranslation("fields.pattern"));
        pattern.setHelperText(getTranslation("fields.pattern.help"));
        emptyUnreadable.setLabel(getTranslation("fields.emptyUnreadable"));
        emptyUnreadable.setHelperText(getTranslation("fields.emptyUnreadable.help"));
    }

    private void fill() {
        if (existing == null) {
            type.setValue(FieldType.TEXT);
            return;
        }
        title.setValue(existing.title());
        name.setValue(existing.name());
        type.setValue(existing.type());
        type.setReadOnly(existing.type().isRelation());
        if (existing.target() != null) {
            target.setValue(existing.target());
        }
        target.setReadOnly(true);
        inverseName.setVisible(false);
        options.setValue(String.join("\n", existing.options()));
        required.setValue(existing.required());
        unique.setValue(existing.unique());
        indexed.setValue(existing.indexed());
        defaultValue.setValue(existing.defaultValue() == null ? "" : existing.defaultValue());
        min.setValue(existing.min());
        max.setValue(existing.max());
        pattern.setValue(existing.pattern() == null ? "" : existing.pattern());
    }

    /**
     * For each option that records hold and that is no longer in the list: where its records move (one of the options
     * that stay). Without a choice the save is refused with their count.
     */
    private void showMoves() {
        moveTo.removeAll();
        var kept = lines(options.getValue());
        moves.keySet().removeIf(kept::contains);
        for (var use : uses.entrySet()) {
            if (kept.contains(use.getKey()) || existing == null || !existing.options().contains(use.getKey())) {
                continue;
            }
            var choice = new Select<String>();
            choice.setLabel(getTranslation("fields.options.move", use.getKey(), use.getValue()));
            choice.setItems(kept);
            choice.setWidthFull();
            String chosen = moves.get(use.getKey());
            if (chosen != null && kept.contains(chosen)) {
                choice.setValue(chosen);
            }
            choice.addValueChangeListener(e -> moves.put(use.getKey(), e.getValue()));
            choice.getElement().setAttribute("data-option", use.getKey());
            moveTo.add(choice);
        }
        moveTo.setVisible(moveTo.getComponentCount() > 0 && options.isVisible());
    }

    /** Shows the settings that mean something for the type. */
    private void adaptTo(FieldType chosen) {
        if (chosen == null) {
            return;
        }
        boolean relation = chosen.isRelation();
        target.setVisible(chosen == FieldType.MANY_TO_ONE);
        inverseName.setVisible(chosen == FieldType.MANY_TO_ONE && existing == null);
        options.setVisible(chosen == FieldType.SINGLE_SELECT);
        moveTo.setVisible(chosen == FieldType.SINGLE_SELECT && moveTo.getComponentCount() > 0);
        unique.setVisible(chosen.hasColumn() && chosen != FieldType.LONG_TEXT && chosen != FieldType.BOOLEAN);
        indexed.setVisible(chosen.hasColumn());
        required.setVisible(chosen.hasColumn());
        defaultValue.setVisible(!relation);
        min.setVisible(chosen.isNumber() || chosen.isText());
        max.setVisible(chosen.isNumber() || chosen.isText());
        min.setLabel(getTranslation(chosen.isText() ? "fields.minLength" : "fields.min"));
        max.setLabel(getTranslation(chosen.isText() ? "fields.maxLength" : "fields.max"));
        pattern.setVisible(chosen.isText());
        emptyUnreadable.setVisible(existing != null && existing.type() != chosen && !existing.type().isRelation()
                && !relation && !existing.type().widensTo(chosen));
    }

    @Override
    protected void save() {
        FieldType chosen = type.getValue();
        var settings = new FieldSettings(title.getValue(), required.getValue(), unique.isVisible() && unique.getValue(),
                indexed.getValue(), defaultValue.isVisible() ? defaultValue.getValue() : null,
                min.isVisible() ? min.getValue() : null, max.isVisible() ? max.getValue() : null,
                pattern.isVisible() ? pattern.getValue() : null, options.isVisible() ? lines(options.getValue()) : List.of());
        var draft = new FieldDraft(name.getValue().strip(), chosen, settings,
                chosen == FieldType.MANY_TO_ONE ? target.getValue() : null,
                inverseName.isVisible() ? inverseName.getValue() : null);
        var saved = existing == null
                ? new CollectionService.FieldChange(collections.addField(collection.name(), draft), 0)
                : collections.changeField(collection.name(), existing.name(), draft, java.util.Map.copyOf(
                        moves.entrySet().stream().filter(m -> m.getValue() != null)
                                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue))),
                        emptyUnreadable.isVisible() && emptyUnreadable.getValue());
        Notices.success(saved.emptied() == 0 ? getTranslation("fields.saved", settings.title())
                : getTranslation("fields.savedEmptied", settings.title(), saved.emptied()));
        onSaved.accept(saved.collection());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
