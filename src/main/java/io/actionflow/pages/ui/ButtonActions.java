package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.Icon;
import io.actionflow.collections.StoredRecord;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.ButtonReference;
import io.actionflow.dispatch.Message;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.TriggerContext;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Role;
import io.actionflow.platform.ui.Notices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a button definition into a button that works: it asks for confirmation where needed, hands an
 * {@link ActionRequest} to the dispatcher, and shows what came back. A button is disabled while its action runs, so a
 * double click performs one action.
 */
final class ButtonActions {

    private ButtonActions() {
    }

    /** A button of {@code block}; {@code row} is the record it acts on (row buttons), or null. */
    static Button create(ButtonDefinition definition, BlockView block, StoredRecord row, Dialog dialog) {
        var button = new Button(label(block, definition));
        if (definition.icon() != null && definition.icon().contains(":")) {
            String[] parts = definition.icon().split(":", 2);
            button.setIcon(new Icon(parts[0], parts[1]));
        }
        switch (definition.style()) {
            case PRIMARY -> button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            case DANGER -> button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            case DEFAULT -> { }
        }
        if (definition.placement() == io.actionflow.pages.ButtonPlacement.ROW) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            if (definition.style() == ButtonStyle.PRIMARY) {
                button.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
            }
        }
        button.addClassName("af-action");
        button.getElement().setAttribute("data-kind", definition.kind().name());
        button.setDisableOnClick(true);
        // busy from the moment of the click, in the browser: the server answers only once the workflows have run
        button.getElement().executeJs("this.addEventListener('click', () => this.setAttribute('af-busy', ''))");
        button.addClickListener(e -> confirmThenRun(definition, block, row, dialog, () -> release(button)));
        return button;
    }

    /**
     * A click on a row button the browser draws ({@link RowButtons}): runs as a button of {@link #create} does, and
     * {@code release} makes it clickable again once the action is over or the confirmation declined.
     */
    static void click(ButtonDefinition definition, BlockView block, StoredRecord row, Runnable release) {
        confirmThenRun(definition, block, row, null, release);
    }

    /** The button can be clicked again: enabled, and no longer marked busy. */
    private static void release(Button button) {
        button.setEnabled(true);
        button.getElement().executeJs("this.removeAttribute('af-busy')");
    }

    /**
     * In table rows, the standard View, Edit and Delete buttons without a label of their own show only an icon (the
     * label becomes the tooltip and the accessible name), so that rows stay readable.
     */
    static Button compact(Button button, ButtonDefinition definition) {
        String icon = compactIcon(definition);
        if (icon != null) {
            String text = button.getText();
            button.setText(null);
            String[] parts = icon.split(":", 2);
            button.setIcon(new Icon(parts[0], parts[1]));
            button.setAriaLabel(text);
            button.setTooltipText(text);
            button.addThemeVariants(ButtonVariant.LUMO_ICON);
        }
        return button;
    }

    /** The icon a View, Edit or Delete row button shows in place of its label when it has no label or icon of its own. */
    static String compactIcon(ButtonDefinition definition) {
        var icon = switch (definition.kind()) {
            case VIEW -> com.vaadin.flow.component.icon.VaadinIcon.EYE;
            case EDIT -> com.vaadin.flow.component.icon.VaadinIcon.EDIT;
            case DELETE -> com.vaadin.flow.component.icon.VaadinIcon.TRASH;
            default -> null;
        };
        return icon == null || definition.label() != null || definition.icon() != null ? null
                : "vaadin:" + icon.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String label(Component context, ButtonDefinition definition) {
        return definition.label() != null ? definition.label() : context.getTranslation(definition.kind().labelKey());
    }

    private static void confirmThenRun(ButtonDefinition definition, BlockView block, StoredRecord row, Dialog dialog,
            Runnable release) {
        String question = confirmation(block, definition, row);
        if (question == null) {
            runAndRelease(definition, block, row, dialog, release);
            return;
        }
        var confirm = new ConfirmDialog();
        confirm.setHeader(label(block, definition));
        confirm.setText(question);
        confirm.setCancelable(true);
        confirm.setCancelText(block.getTranslation("common.cancel"));
        confirm.setConfirmText(label(block, definition));
        if (definition.style() == ButtonStyle.DANGER) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(e -> runAndRelease(definition, block, row, dialog, release));
        confirm.addCancelListener(e -> release.run());
        confirm.addRejectListener(e -> release.run());
        confirm.open();
    }

    private static String confirmation(BlockView block, ButtonDefinition definition, StoredRecord row) {
        if (definition.confirmText() != null) {
            return definition.confirmText();
        }
        return switch (definition.kind()) {
            case DELETE -> block.getTranslation("action.delete.confirm", row == null ? "" : row.title());
            case DELETE_SELECTED -> block.selected().isEmpty() ? null
                    : block.getTranslation("action.deleteSelected.confirm", block.selected().size());
            default -> null;
        };
    }

    private static void runAndRelease(ButtonDefinition definition, BlockView block, StoredRecord row, Dialog dialog,
            Runnable release) {
        try {
            run(definition, block, row, dialog);
        } catch (RecordForm.Unreadable unreadable) {
            // the form marked what it cannot read; nothing was sent
        } finally {
            release.run();
        }
    }

    private static void run(ButtonDefinition definition, BlockView block, StoredRecord row, Dialog dialog) {
        switch (definition.kind()) {
            case ADD_NEW -> RecordDialog.create(block, definition).open();
            case EDIT -> RecordDialog.edit(block, definition, row).ifPresent(Dialog::open);
            case VIEW -> RecordDialog.view(block, row).ifPresent(Dialog::open);
            case REFRESH -> block.refresh();
            case SUBMIT -> dispatch(definition, block, dialog, block.formHost(), Action.CREATE, List.of(), block.formValues());
            case SAVE -> {
                Long id = block.formRecordId();
                if (id == null) {
                    Notices.error(block.getTranslation("action.save.noRecord"));
                } else {
                    dispatch(definition, block, dialog, block.formHost(), Action.UPDATE, List.of(id), block.formValues());
                }
            }
            case UPDATE_RECORD -> dispatch(definition, block, dialog, FormHost.NONE, Action.UPDATE, List.of(row.id()),
                    new LinkedHashMap<>(definition.presets()));
            case DELETE -> dispatch(definition, block, dialog, FormHost.NONE, Action.DESTROY, List.of(row.id()), Map.of());
            case DELETE_SELECTED -> {
                var ids = block.selected().stream().map(StoredRecord::id).toList();
                if (ids.isEmpty()) {
                    Notices.error(block.getTranslation("action.noSelection"));
                } else {
                    dispatch(definition, block, dialog, FormHost.NONE, Action.DESTROY, ids, Map.of());
                }
            }
            case TRIGGER_WORKFLOW -> trigger(definition, block, row, dialog);
        }
    }

    private static void trigger(ButtonDefinition definition, BlockView block, StoredRecord row, Dialog dialog) {
        if (definition.triggerContext() == TriggerContext.SELECTED && block.selected().isEmpty()) {
            Notices.error(block.getTranslation("action.noSelection"));
            return;
        }
        List<Long> ids = row != null ? List.of(row.id())
                : definition.triggerContext() == TriggerContext.SELECTED ? block.selected().stream().map(StoredRecord::id).toList()
                : block.formRecordId() != null ? List.of(block.formRecordId()) : List.of();
        Map<String, Object> values = definition.placement() == io.actionflow.pages.ButtonPlacement.FORM ? block.formValues() : Map.of();
        dispatch(definition, block, dialog, block.formHost(), Action.TRIGGER, ids, values);
    }

    /** Sends one request and shows its result: messages, field errors on {@code form}, refreshes, dialog, next page. */
    static ActionResult dispatch(ButtonDefinition definition, BlockView block, Dialog dialog, FormHost form, Action action,
            List<Long> ids, Map<String, Object> values) {
        var context = block.context();
        var request = new ActionRequest(block.block().collection(), action, ids, values,
                definition == null ? List.of() : definition.bindings(),
                context.currentUser.username().orElse(null), role(context), ActionSource.UI,
                // a Data tab's buttons are on no stored page: the history names no button for them
                definition == null || context.page().id() < 0 ? null : new ButtonReference(context.page().id(), block.block().id(), definition.id(),
                        context.page().title() + " › " + label(block, definition)));
        ActionResult result = context.dispatcher.dispatch(request);
        show(result, block);
        switch (result) {
            case ActionResult.Done done -> {
                // the workflows' own words, when they said something, are the click's one message
                if (done.messages().isEmpty() || definition != null && definition.successMessage() != null) {
                    Notices.success(successMessage(block, definition, action, done));
                }
                form.succeeded();
                context.refreshAfterWrite(block, definition == null ? List.of() : definition.refreshBlockIds());
                if (dialog != null && (definition == null || definition.closeDialog())) {
                    dialog.close();
                }
                if (definition != null && definition.goToPageId() != null) {
                    context.pages.visible().stream().filter(p -> p.id() == definition.goToPageId())
                            .map(PageDefinition::slug).findFirst()
                            .ifPresent(slug -> UI.getCurrent().navigate(PageView.class, slug));
                }
            }
            case ActionResult.Held held -> {
                // "Submitted for approval" (among its messages) instead of "Saved"; the form is done with
                form.succeeded();
                context.refreshAfterWrite(block, definition == null ? List.of() : definition.refreshBlockIds());
                if (dialog != null && (definition == null || definition.closeDialog())) {
                    dialog.close();
                }
            }
            case ActionResult.Invalid invalid -> {
                List<FieldError> elsewhere = form.showErrors(invalid.errors());
                elsewhere.forEach(e -> Notices.error(fieldMessage(block, e)));
            }
            case ActionResult.NotFound missing -> {
                context.refreshAfterWrite(block, List.of());
                if (dialog != null) {
                    dialog.close();
                }
            }
            default -> { }
        }
        return result;
    }

    /** Shows the messages of a result: errors as errors, the rest as success. */
    /**
     * Shows the messages of a result, one notice per click: the errors together as one error, the rest together as
     * one success.
     */
    private static void show(ActionResult result, Component context) {
        var errors = new ArrayList<String>();
        var others = new ArrayList<String>();
        for (Message message : result.messages()) {
            (message.level() == Message.Level.ERROR ? errors : others).add(message.format(context::getTranslation));
        }
        if (!errors.isEmpty()) {
            Notices.error(String.join("\n", errors));
        }
        if (!others.isEmpty()) {
            Notices.success(String.join("\n", others));
        }
    }

    private static String successMessage(BlockView block, ButtonDefinition definition, Action action, ActionResult.Done done) {
        if (definition != null && definition.successMessage() != null) {
            return definition.successMessage();
        }
        String title = done.records().isEmpty() ? ""
                : block.context().reader.shown(block.block().collection(), done.records().getFirst()).title();
        return switch (action) {
            case CREATE -> block.getTranslation("action.created", title);
            case UPDATE -> block.getTranslation("action.saved", title);
            case DESTROY -> block.getTranslation("action.deleted");
            case TRIGGER -> block.getTranslation("action.done");
        };
    }

    private static String fieldMessage(BlockView block, FieldError error) {
        String field = block.collection().field(error.field()).map(f -> f.title()).orElse(error.field());
        return field + ": " + block.getTranslation(error.messageKey(), error.args().toArray());
    }

    private static String role(PageContext context) {
        return context.currentUser.actingRole().orElse(Role.MEMBER_ID);
    }
}
