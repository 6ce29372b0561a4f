package io.actionflow.pages.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.FormMode;
import io.actionflow.platform.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A create form (Submit) or an edit form (Save). An edit form shows the record of the page address ({@code ?record=})
 * or the one selected in its source table.
 */
final class FormBlockView extends BlockView implements FormHost {

    private final RecordForm form;
    private final Paragraph placeholder = new Paragraph();
    private final Div actions = new Div();
    private StoredRecord record;

    FormBlockView(PageContext context, BlockDefinition block) {
        super(context, block);
        form = new RecordForm(collection(), block.fields(), context.collections, context.queries, context.reader,
                block.formMode() == FormMode.EDIT ? io.actionflow.access.Act.UPDATE : io.actionflow.access.Act.CREATE);
        actions.addClassName("af-form-actions");
        buttons(ButtonPlacement.FORM, null, null).forEach(actions::add);
        placeholder.addClassName("af-muted");
        body.add(placeholder, form, actions);
        if (block.formMode() == FormMode.EDIT) {
            show(context.recordFromAddress == null ? null
                    : context.reader.get(block.collection(), context.recordFromAddress).orElse(null));
        } else {
            placeholder.setVisible(false);
        }
    }

    private void show(StoredRecord shown) {
        record = shown;
        boolean editing = block().formMode() == FormMode.EDIT;
        boolean empty = editing && shown == null;
        placeholder.setText(getTranslation("block.form.choose"));
        placeholder.setVisible(empty);
        form.setVisible(!empty);
        actions.setVisible(!empty);
        if (shown != null) {
            form.show(shown);
        }
    }

    @Override
    void follow(StoredRecord selected) {
        if (block().formMode() == FormMode.EDIT) {
            show(selected);
        }
    }

    @Override
    void refresh() {
        if (record != null) {
            show(context().reader.get(block().collection(), record.id()).orElse(null));
        }
    }

    @Override
    Map<String, Object> formValues() {
        return form.values();
    }

    @Override
    Long formRecordId() {
        return record == null ? null : record.id();
    }

    @Override
    FormHost formHost() {
        return this;
    }

    @Override
    public boolean isForm() {
        return true;
    }

    @Override
    public List<FieldError> showErrors(List<FieldError> errors) {
        return form.showErrors(errors);
    }

    @Override
    public void succeeded() {
        form.clearErrors();
        if (block().formMode() == FormMode.CREATE) {
            form.clear();
        }
    }
}
