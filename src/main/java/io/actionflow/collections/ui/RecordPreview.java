package io.actionflow.collections.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import java.util.List;

/** The records of a collection, a page at a time, sortable by any stored field: what the data looks like now. */
final class RecordPreview extends VerticalLayout {

    RecordPreview(RecordQueries queries, CollectionDefinition collection) {
        setSizeFull();
        setPadding(false);
        var count = new Span();
        count.addClassName("af-muted");

        var grid = new Grid<StoredRecord>();
        grid.addColumn(StoredRecord::id).setKey("id").setHeader(getTranslation("records.id"))
                .setSortProperty("id").setWidth("6em").setFlexGrow(0);
        for (FieldDefinition field : collection.columnFields()) {
            grid.addColumn(r -> RecordFormat.display(this, field, r)).setKey(field.name()).setHeader(field.title())
                    .setSortProperty(field.name()).setAutoWidth(true).setResizable(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(true);
        grid.setSizeFull();
        grid.setItems(
                query -> queries.find(collection.name(),
                        new RecordQuery(Filter.all(), sorts(query.getSortOrders()), query.getOffset(), query.getLimit())).stream(),
                query -> {
                    long total = queries.count(collection.name(), Filter.all());
                    count.setText(getTranslation("records.count", total));
                    return (int) Math.min(total, Integer.MAX_VALUE);
                });
        add(count, grid);
    }

    private static List<RecordQuery.Sort> sorts(List<QuerySortOrder> orders) {
        return orders.stream()
                .map(o -> new RecordQuery.Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }
}
