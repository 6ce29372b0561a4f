package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.ui.RecordFormat;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonPlacement;
import java.util.List;

/** Records as cards, fetched as the user scrolls, each with the chosen fields and the row actions. */
final class ListBlockView extends BlockView {

    private final VirtualList<StoredRecord> list = new VirtualList<>();

    ListBlockView(PageContext context, BlockDefinition block) {
        super(context, block);
        var actions = new Div();
        actions.addClassName("af-block-actions");
        buttons(ButtonPlacement.TOOLBAR, null, null).forEach(actions::add);
        list.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::card));
        list.setDataProvider(com.vaadin.flow.data.provider.DataProvider.fromCallbacks(
                query -> context.reader.find(block.collection(),
                        new RecordQuery(Filter.all(), List.of(), query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(context.reader.count(block.collection(), Filter.all()), Integer.MAX_VALUE)));
        list.setHeight("26rem");
        list.addClassName("af-card-list");
        body.add(actions, list);
    }

    private Component card(StoredRecord record) {
        var card = new Div();
        card.addClassName("af-card");
        var title = new Span(record.title());
        title.addClassName("af-card-title");
        card.add(title);
        for (String name : readableFields()) {
            collection().field(name).filter(f -> f.type().hasColumn()).ifPresent(field -> card.add(line(field, record)));
        }
        var actions = new Div();
        actions.addClassName("af-row-actions");
        buttons(ButtonPlacement.ROW, record, null).forEach(actions::add);
        card.add(actions);
        card.addClickListener(e -> context().selected(block().id(), record));
        return card;
    }

    private Component line(FieldDefinition field, StoredRecord record) {
        var label = new Span(field.title());
        label.addClassName("af-card-label");
        var line = new Div(label, new Span(RecordFormat.display(this, field, record)));
        line.addClassName("af-card-line");
        return line;
    }

    @Override
    void refresh() {
        list.getDataProvider().refreshAll();
    }
}
