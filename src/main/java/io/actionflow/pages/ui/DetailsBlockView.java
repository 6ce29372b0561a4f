package io.actionflow.pages.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.ui.RecordFormat;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonPlacement;
import java.util.List;

/** One record, read-only, with the row actions: the record of the page address or the one selected in its source. */
final class DetailsBlockView extends BlockView {

    private final Div lines = new Div();
    private final Div actions = new Div();
    private final Paragraph placeholder = new Paragraph();
    private StoredRecord record;

    DetailsBlockView(PageContext context, BlockDefinition block) {
        super(context, block);
        lines.addClassName("af-details");
        actions.addClassName("af-row-actions");
        placeholder.addClassName("af-muted");
        body.add(placeholder, lines, actions);
        show(context.recordFromAddress == null ? null
                : context.reader.get(block.collection(), context.recordFromAddress).orElse(null));
    }

    private void show(StoredRecord shown) {
        record = shown;
        lines.removeAll();
        actions.removeAll();
        placeholder.setText(getTranslation("block.details.choose"));
        placeholder.setVisible(shown == null);
        if (shown == null) {
            return;
        }
        lines(this, collection(), readableFields(), shown).forEach(lines::add);
        buttons(ButtonPlacement.ROW, shown, null).forEach(actions::add);
    }

    /** Label and value of each field, for a details block or a view dialog. */
    static List<Div> lines(com.vaadin.flow.component.Component context, CollectionDefinition collection, List<String> fields,
            StoredRecord record) {
        return fields.stream().map(name -> collection.field(name).filter(f -> f.type().hasColumn()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .map(field -> line(context, field, record)).toList();
    }

    private static Div line(com.vaadin.flow.component.Component context, FieldDefinition field, StoredRecord record) {
        var label = new Span(field.title());
        label.addClassName("af-details-label");
        var value = new Span(RecordFormat.display(context, field, record));
        value.addClassName("af-details-value");
        var line = new Div(label, value);
        line.addClassName("af-details-line");
        return line;
    }

    @Override
    void follow(StoredRecord selected) {
        show(selected);
    }

    @Override
    void refresh() {
        if (record != null) {
            show(context().reader.get(block().collection(), record.id()).orElse(null));
        }
    }
}
