package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.ui.RecordFormat;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.TriggerContext;
import io.actionflow.platform.ui.Notices;
import java.util.List;

/**
 * Records in rows, fetched a page at a time: the chosen columns, sortable; a filter bar on any field; selection of
 * rows for toolbar actions; a column with the row actions. A click on a row shows it in the blocks that follow this one.
 */
final class TableBlockView extends BlockView {

    /** Narrower than this (a phone), the rows show as cards: every column in one, label over value. */
    static final int CARDS_BELOW = 640;

    private final Grid<StoredRecord> grid = new Grid<>();
    private final List<Grid.Column<StoredRecord>> wide = new java.util.ArrayList<>();
    private Grid.Column<StoredRecord> cards;
    private Grid.Column<StoredRecord> actionsColumn;
    private com.vaadin.flow.shared.Registration resized;
    /** The columns of fields, by field name: what a user's own layout orders, hides and sizes. */
    private final java.util.Map<String, Grid.Column<StoredRecord>> fieldColumns = new java.util.LinkedHashMap<>();
    /** The signed-in user's layout, or null for the block's own. */
    private io.actionflow.pages.ColumnLayout layout;
    private boolean narrow;
    private final FilterBar filters;
    private final Span count = new Span();

    TableBlockView(PageContext context, BlockDefinition block) {
        super(context, block);
        filters = new FilterBar(collection(), f -> context.reader.count(block.collection(), f), this::refresh,
                field -> context.reader.reads(block.collection(), field.name()));
        var toolbar = new Div(filters);
        toolbar.addClassName("af-block-toolbar");
        var actions = new Div();
        actions.addClassName("af-block-actions");
        buttons(ButtonPlacement.TOOLBAR, null, null).forEach(actions::add);
        // a user's own columns, on a stored block, for someone with an account
        if (block.id() > 0 && context.layouts != null && !context.design && context.currentUser.id().isPresent()) {
            var columnsButton = new com.vaadin.flow.component.button.Button(getTranslation("columns.button"),
                    com.vaadin.flow.component.icon.VaadinIcon.TABLE.create(), e -> openColumns());
            columnsButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            columnsButton.addClassName("af-columns-button");
            actions.add(columnsButton);
        }
        toolbar.add(actions);

        for (String name : readableFields()) {
            collection().field(name).filter(f -> f.type().hasColumn()).ifPresent(this::addColumn);
            collection().field(name).filter(f -> f.type() == io.actionflow.collections.FieldType.ONE_TO_MANY).ifPresent(this::addCount);
        }
        if (!rowButtons().isEmpty()) {
            // drawn by the browser from one template: a refresh sends each row's data, not its buttons
            actionsColumn = grid.addColumn(new RowButtons(this, rowButtons()).renderer(grid)).setKey("actions")
                    .setHeader(getTranslation("block.actions")).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
            wide.add(actionsColumn);
        }
        // a phone's cards are components made only while they show (layoutFor)
        cards = grid.addColumn(LitRenderer.<StoredRecord>of("")).setKey("card").setHeader(collection().title()).setFlexGrow(1);
        cards.setVisible(false);
        if (block.id() > 0 && context.layouts != null && !context.design) {
            context.layouts.of(block).ifPresent(this::apply);
            grid.setColumnReorderingAllowed(true);
            grid.addColumnReorderListener(e -> {
                if (e.isFromClient()) {
                    keepDragged();
                }
            });
            grid.addColumnResizeListener(e -> {
                if (e.isFromClient()) {
                    keepDragged();
                }
            });
        }
        boolean selectable = block.buttons(ButtonPlacement.TOOLBAR).stream().filter(b -> context.shows(b, block.collection()))
                .anyMatch(b -> b.kind() == ButtonKind.DELETE_SELECTED || b.triggerContext() == TriggerContext.SELECTED);
        grid.setSelectionMode(selectable ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && "actions".equals(e.getColumn().getKey())) {
                return;
            }
            // the blocks that follow this table show the record; with none, a click opens it
            if (!context.selected(block.id(), e.getItem())) {
                open(e.getItem());
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(true);
        grid.setPageSize(block.pageSize());
        grid.setAllRowsVisible(false);
        grid.setHeight("26rem");
        grid.setItems(
                query -> context.reader.find(block.collection(), new RecordQuery(filters.filter(),
                        sorts(query.getSortOrders()), query.getOffset(), query.getLimit())).stream(),
                query -> {
                    long total = context.reader.count(block.collection(), filters.filter());
                    count.setText(getTranslation("records.count", total));
                    return (int) Math.min(total, Integer.MAX_VALUE);
                });
        count.addClassName("af-muted");
        body.add(toolbar, grid, count);
    }

    private void addColumn(FieldDefinition field) {
        var column = grid.addColumn(r -> RecordFormat.display(this, field, r)).setKey(field.name()).setHeader(field.title())
                .setSortProperty(field.name()).setAutoWidth(true).setResizable(true);
        wide.add(column);
        fieldColumns.put(field.name(), column);
    }

    /** Shows the columns as the layout says: in its order, hidden or shown, at its widths. */
    void apply(io.actionflow.pages.ColumnLayout chosen) {
        layout = chosen == null ? null : chosen.fitted(List.copyOf(fieldColumns.keySet()));
        var order = new java.util.ArrayList<Grid.Column<StoredRecord>>();
        if (layout == null) {
            order.addAll(fieldColumns.values());
            fieldColumns.values().forEach(c -> c.setWidth(null).setAutoWidth(true).setFlexGrow(1));
        } else {
            for (var column : layout.columns()) {
                var shown = fieldColumns.get(column.field());
                order.add(shown);
                if (column.width() == null) {
                    shown.setWidth(null).setAutoWidth(true).setFlexGrow(1);
                } else {
                    shown.setAutoWidth(false).setWidth(column.width() + "px").setFlexGrow(0);
                }
            }
        }
        grid.getColumns().stream().filter(c -> !order.contains(c) && c != actionsColumn && c != cards).forEach(order::add);
        if (actionsColumn != null) {
            order.add(actionsColumn);
        }
        order.add(cards);
        grid.setColumnOrder(order);
        layoutFor(narrow ? 1 : 0);
    }

    /** The layout the grid shows now, after the user dragged or resized a column. */
    private io.actionflow.pages.ColumnLayout current() {
        var columns = new java.util.ArrayList<io.actionflow.pages.ColumnLayout.Column>();
        for (var column : grid.getColumns()) {
            String field = column.getKey();
            if (field == null || !fieldColumns.containsKey(field)) {
                continue;
            }
            boolean hidden = layout != null && layout.column(field).map(io.actionflow.pages.ColumnLayout.Column::hidden).orElse(false);
            columns.add(new io.actionflow.pages.ColumnLayout.Column(field, hidden, pixels(column.getWidth())));
        }
        return new io.actionflow.pages.ColumnLayout(columns);
    }

    private static Integer pixels(String width) {
        if (width == null || !width.strip().matches("\\d+(\\.\\d+)?px")) {
            return null;
        }
        long value = Math.round(Double.parseDouble(width.strip().replace("px", "")));
        return (int) Math.max(io.actionflow.pages.ColumnLayout.NARROWEST, Math.min(io.actionflow.pages.ColumnLayout.WIDEST, value));
    }

    /** Keeps a layout for the signed-in user, or says why not. */
    private void keep(io.actionflow.pages.ColumnLayout chosen) {
        context().layouts.save(block().id(), chosen);
        apply(chosen);
    }

    /** A column dragged or resized: kept at once; what cannot be kept is said, and the grid shows what is kept. */
    private void keepDragged() {
        try {
            keep(current());
        } catch (io.actionflow.platform.ValidationException | io.actionflow.platform.NotFoundException refused) {
            Notices.error(getTranslation("columns.notKept"));
            apply(context().layouts.of(block()).orElse(null));
        }
    }

    private void openColumns() {
        var titles = new java.util.LinkedHashMap<String, String>();
        fieldColumns.keySet().forEach(name -> titles.put(name, collection().field(name).map(FieldDefinition::title).orElse(name)));
        new ColumnsDialog(layout != null ? layout : current(), titles, this::keep, () -> {
            context().layouts.reset(block().id());
            apply(null);
        }).open();
    }

    /** One row as a card: each shown field's label and value, then the row's actions. */
    private Component card(StoredRecord record) {
        var card = new Div();
        card.addClassName("af-row-card");
        for (String name : readableFields()) {
            if (layout != null && layout.column(name).map(io.actionflow.pages.ColumnLayout.Column::hidden).orElse(false)) {
                continue;
            }
            collection().field(name).filter(f -> f.type().hasColumn()).ifPresent(field -> {
                var label = new Span(field.title());
                label.addClassName("af-row-card-label");
                var value = new Span(RecordFormat.display(this, field, record));
                value.addClassName("af-row-card-value");
                card.add(new Div(label, value));
            });
        }
        if (!rowButtons().isEmpty()) {
            card.add(rowActions(record));
        }
        return card;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        var page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> layoutFor(details.getWindowInnerWidth()));
        resized = page.addBrowserWindowResizeListener(e -> layoutFor(e.getWidth()));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (resized != null) {
            resized.remove();
        }
    }

    /** Columns on a wide screen, cards on a narrow one. */
    void layoutFor(int width) {
        boolean was = narrow;
        narrow = width > 0 && width < CARDS_BELOW;
        if (was != narrow) {
            cards.setRenderer(narrow ? new ComponentRenderer<>(this::card) : LitRenderer.<StoredRecord>of(""));
            grid.getDataProvider().refreshAll();
        }
        // a column the user hid stays hidden
        wide.forEach(c -> c.setVisible(!narrow && (layout == null || c.getKey() == null
                || !layout.column(c.getKey()).map(io.actionflow.pages.ColumnLayout.Column::hidden).orElse(false))));
        cards.setVisible(narrow);
        grid.setHeight(narrow ? "32rem" : "26rem");
    }

    /** A row its user may read (or it would not be shown), opened as the View button opens it. */
    private void open(StoredRecord record) {
        RecordDialog.view(this, record).ifPresent(com.vaadin.flow.component.dialog.Dialog::open);
    }

    /** A one-to-many field as a column: how many rows the record holds (of those its user may see). */
    private void addCount(FieldDefinition field) {
        var related = context().collection(field.target());
        var column = grid.addColumn(r -> context().reader.count(related.name(), Filter.where(field.inverseOf(), Filter.Operator.EQ, r.id())))
                .setKey(field.name()).setHeader(field.title()).setAutoWidth(true).setResizable(true);
        wide.add(column);
        fieldColumns.put(field.name(), column);
    }

    private Component rowActions(StoredRecord record) {
        var actions = new Div();
        actions.addClassName("af-row-actions");
        for (var definition : rowButtons()) {
            actions.add(ButtonActions.compact(ButtonActions.create(definition, this, record, null), definition));
        }
        return actions;
    }

    @Override
    void refresh() {
        grid.getDataProvider().refreshAll();
        grid.deselectAll();
    }

    @Override
    List<StoredRecord> selected() {
        return List.copyOf(grid.getSelectedItems());
    }

    Grid<StoredRecord> grid() {
        return grid;
    }

    Filter filter() {
        return filters.filter();
    }

    private static List<RecordQuery.Sort> sorts(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new RecordQuery.Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING)).toList();
    }
}
