package io.actionflow.pages.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.StoredRecord;
import io.actionflow.dispatch.Action;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ui.Notices;
import java.util.List;
import java.util.Optional;

/** The dialogs that Add new, Edit and View open: a create form, an edit form, or the record with its row actions. */
final class RecordDialog extends Dialog implements FormHost {

    private RecordForm form;

    private RecordDialog(BlockView block, String title) {
        setHeaderTitle(title);
        addClassName("af-dialog");
        setWidth("min(720px, 95vw)");
        getElement().setAttribute("data-collection", block.block().collection());
    }

    /** A create form with every field of the collection; its Submit follows the Add new button's settings. */
    static RecordDialog create(BlockView block, ButtonDefinition addNew) {
        var dialog = new RecordDialog(block, ButtonActions.label(block, addNew) + " · " + block.collection().title());
        dialog.form = dialog.formFor(block, io.actionflow.access.Act.CREATE);
        dialog.add(dialog.form);
        dialog.footer(block, "action.submit", () -> ButtonActions.dispatch(addNew, block, dialog, dialog, Action.CREATE,
                List.of(), dialog.form.values()));
        return dialog;
    }

    /** An edit form on the record as it is stored now; a record gone meanwhile is said so, not shown. */
    static Optional<Dialog> edit(BlockView block, ButtonDefinition edit, StoredRecord row) {
        var dialog = new RecordDialog(block, row.title());
        var fresh = block.context().reader.get(block.block().collection(), row.id());
        if (fresh.isEmpty()) {
            return gone(block, row);
        }
        dialog.form = dialog.formFor(block, io.actionflow.access.Act.UPDATE);
        dialog.form.show(fresh.get());
        dialog.add(dialog.form);
        dialog.footer(block, "action.save", () -> ButtonActions.dispatch(edit, block, dialog, dialog, Action.UPDATE,
                List.of(row.id()), dialog.form.values()));
        return Optional.of(dialog);
    }

    /** The record read-only, with the block's row actions (but View); they close the dialog when they are done. */
    static Optional<Dialog> view(BlockView block, StoredRecord row) {
        var dialog = new RecordDialog(block, row.title());
        var fresh = block.context().reader.get(block.block().collection(), row.id());
        if (fresh.isEmpty()) {
            return gone(block, row);
        }
        var fields = block.context().readable(block.block().collection(),
                block.collection().columnFields().stream().map(FieldDefinition::name).toList());
        var lines = new Div();
        lines.addClassName("af-details");
        DetailsBlockView.lines(block, block.collection(), fields, fresh.get()).forEach(lines::add);
        dialog.add(lines);
        var actions = new Div();
        actions.addClassName("af-row-actions");
        block.block().buttons(ButtonPlacement.ROW).stream().filter(b -> b.kind() != ButtonKind.VIEW)
                .filter(b -> block.context().shows(b, block.block().collection()))
                .map(b -> ButtonActions.create(b, block, fresh.get(), dialog)).forEach(actions::add);
        var close = new Button(block.getTranslation("common.close"), e -> dialog.close());
        dialog.getFooter().add(actions, close);
        return Optional.of(dialog);
    }

    private static Optional<Dialog> gone(BlockView block, StoredRecord row) {
        Notices.error(block.getTranslation("record.notFound", block.collection().title(), row.id()));
        block.context().refreshAfterWrite(block, List.of());
        return Optional.empty();
    }

    private RecordForm formFor(BlockView block, io.actionflow.access.Act act) {
        // every field, the rows of one-to-many fields as sub-tables
        var fields = block.collection().fields().stream().map(FieldDefinition::name).toList();
        return new RecordForm(block.collection(), fields, block.context().collections, block.context().queries,
                block.context().reader, act);
    }

    private void footer(BlockView block, String saveKey, Runnable save) {
        var saveButton = new Button(block.getTranslation(saveKey), e -> {
            try {
                save.run();
            } catch (RecordForm.Unreadable unreadable) {
                // the form marked what it cannot read; nothing was sent
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setDisableOnClick(true);
        saveButton.addClickListener(e -> saveButton.setEnabled(true));
        getFooter().add(new Button(block.getTranslation("common.cancel"), e -> close()), saveButton);
    }

    @Override
    public boolean isForm() {
        return true;
    }

    @Override
    public List<FieldError> showErrors(List<FieldError> errors) {
        return form.showErrors(errors);
    }
}
