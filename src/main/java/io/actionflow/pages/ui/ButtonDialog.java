package io.actionflow.pages.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonDraft;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.TriggerContext;
import io.actionflow.platform.ui.FormDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Adds a button to a block ({@code existing == null}: choose what it does and where it sits) or configures one:
 * label, icon, style, confirmation, preset values (Update record) and what happens after success.
 */
final class ButtonDialog extends FormDialog {

    /** A kind of button at a place in the block: what an admin picks when adding one. */
    private record Choice(ButtonKind kind, ButtonPlacement placement) {
    }

    private final PageContext context;
    private final BlockDefinition block;
    private final ButtonDefinition existing;
    private final Select<Choice> choice = new Select<>();
    private final TextField label = new TextField();
    private final TextField icon = new TextField();
    private final Select<ButtonStyle> style = new Select<>();
    private final TextField confirmText = new TextField();
    private final TextField successMessage = new TextField();
    private final CheckboxGroup<Long> refresh = new CheckboxGroup<>();
    private final Checkbox closeDialog = new Checkbox();
    private final Select<Long> goToPage = new Select<>();
    private final Select<TriggerContext> triggerContext = new Select<>();
    private final Div presets = new Div();
    private final List<TextField> presetInputs = new ArrayList<>();

    ButtonDialog(PageContext context, BlockDefinition block, ButtonDefinition existing) {
        super(null);
        this.context = context;
        this.block = block;
        this.existing = existing;
        setHeaderTitle(existing == null ? getTranslation("design.button.add")
                : getTranslation("design.button.configure.title", ButtonActions.label(this, existing)));

        choice.setLabel(getTranslation("design.button.kind"));
        var choices = new ArrayList<Choice>();
        for (ButtonKind kind : ButtonKind.values()) {
            for (ButtonPlacement placement : ButtonPlacement.values()) {
                if (kind.fits(block.type(), block.formMode(), placement)) {
                    choices.add(new Choice(kind, placement));
                }
            }
        }
        choice.setItems(choices);
        choice.setItemLabelGenerator(c -> getTranslation(c.kind().labelKey()) + " · "
                + getTranslation("placement." + c.placement().name().toLowerCase(java.util.Locale.ROOT)));
        choice.addValueChangeListener(e -> adapt());
        label.setLabel(getTranslation("design.button.label"));
        icon.setLabel(getTranslation("design.button.icon"));
        icon.setHelperText(getTranslation("design.button.icon.help"));
        style.setLabel(getTranslation("design.button.style"));
        style.setItems(ButtonStyle.values());
        style.setItemLabelGenerator(s -> getTranslation("buttonStyle." + s.name().toLowerCase(java.util.Locale.ROOT)));
        confirmText.setLabel(getTranslation("design.button.confirm"));
        confirmText.setHelperText(getTranslation("design.button.confirm.help"));
        successMessage.setLabel(getTranslation("design.button.success"));
        successMessage.setHelperText(getTranslation("design.button.success.help"));
        refresh.setLabel(getTranslation("design.button.refresh"));
        var others = context.page().blocks().stream().filter(b -> b.id() != block.id()).toList();
        refresh.setItems(others.stream().map(BlockDefinition::id).toList());
        refresh.setItemLabelGenerator(id -> others.stream().filter(b -> b.id() == id).findFirst()
                .map(b -> (b.title() != null ? b.title() : context.collection(b.collection()).title()) + " · "
                        + getTranslation(b.type().labelKey())).orElse(String.valueOf(id)));
        refresh.setVisible(!others.isEmpty());
        closeDialog.setLabel(getTranslation("design.button.closeDialog"));
        goToPage.setLabel(getTranslation("design.button.goTo"));
        var targets = context.pages.list();
        goToPage.setItems(targets.stream().map(PageDefinition::id).toList());
        goToPage.setItemLabelGenerator(id -> id == null ? getTranslation("design.button.goTo.stay") : targets.stream()
                .filter(p -> p.id() == id).findFirst()
                .map(PageDefinition::title).orElse(String.valueOf(id)));
        goToPage.setEmptySelectionAllowed(true);
        goToPage.setEmptySelectionCaption(getTranslation("design.button.goTo.stay"));
        triggerContext.setLabel(getTranslation("design.button.triggerContext"));
        triggerContext.setItems(TriggerContext.values());
        triggerContext.setItemLabelGenerator(c -> getTranslation("triggerContext." + c.name().toLowerCase(java.util.Locale.ROOT)));
        presets.addClassName("af-presets");
        var presetTitle = new Span(getTranslation("design.button.presets"));
        presetTitle.addClassName("af-muted");
        presets.add(presetTitle);
        for (FieldDefinition field : context.collection(block.collection()).columnFields()) {
            var input = new TextField(field.title());
            input.setId("preset-" + field.name());
            input.setPlaceholder(getTranslation("design.button.presets.keep"));
            presetInputs.add(input);
            presets.add(input);
            errors.bind("presets." + field.name(), input);
        checks(ButtonDraft.class).field("label", label).field("icon", icon).field("confirmText", confirmText)
                .field("successMessage", successMessage);
        }
        errors.bind("kind", choice).bind("label", label).bind("icon", icon).bind("goToPageId", goToPage).bind("refreshBlockIds", refresh);

        form.add(choice, label, icon, style, confirmText, triggerContext, presets, successMessage, refresh, closeDialog, goToPage);
        fill(choices);
    }

    private void fill(List<Choice> choices) {
        if (existing == null) {
            choice.setValue(choices.isEmpty() ? null : choices.getFirst());
            style.setValue(ButtonStyle.DEFAULT);
            closeDialog.setValue(true);
            triggerContext.setValue(TriggerContext.NONE);
            return;
        }
        choice.setItems(new Choice(existing.kind(), existing.placement()));
        choice.setValue(new Choice(existing.kind(), existing.placement()));
        choice.setReadOnly(true);
        label.setValue(existing.label() == null ? "" : existing.label());
        icon.setValue(existing.icon() == null ? "" : existing.icon());
        style.setValue(existing.style());
        confirmText.setValue(existing.confirmText() == null ? "" : existing.confirmText());
        successMessage.setValue(existing.successMessage() == null ? "" : existing.successMessage());
        refresh.setValue(java.util.Set.copyOf(existing.refreshBlockIds()));
        closeDialog.setValue(existing.closeDialog());
        goToPage.setValue(existing.goToPageId());
        triggerContext.setValue(existing.triggerContext() == null ? TriggerContext.NONE : existing.triggerContext());
        for (TextField input : presetInputs) {
            String value = existing.presets().get(input.getId().orElseThrow().substring("preset-".length()));
            input.setValue(value == null ? "" : value);
        }
    }

    private void adapt() {
        Choice chosen = choice.getValue();
        if (chosen == null) {
            return;
        }
        label.setPlaceholder(getTranslation(chosen.kind().labelKey()));
        presets.setVisible(chosen.kind() == ButtonKind.UPDATE_RECORD);
        triggerContext.setVisible(chosen.kind() == ButtonKind.TRIGGER_WORKFLOW && chosen.placement() == ButtonPlacement.TOOLBAR);
    }

    @Override
    protected void save() {
        Choice chosen = choice.getValue();
        var values = new LinkedHashMap<String, String>();
        for (TextField input : presetInputs) {
            if (!input.getValue().isBlank()) {
                values.put(input.getId().orElseThrow().substring("preset-".length()), input.getValue().strip());
            }
        }
        var draft = new ButtonDraft(chosen == null ? null : chosen.kind(), chosen == null ? null : chosen.placement(),
                label.getValue(), icon.getValue(), style.getValue(), confirmText.getValue(), successMessage.getValue(),
                List.copyOf(refresh.getValue()), closeDialog.getValue(), goToPage.getValue(), values,
                triggerContext.getValue());
        context.changed(existing == null ? context.pages.addButton(block.id(), draft) : context.pages.updateButton(existing.id(), draft));
    }
}
