package io.actionflow.pages.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;
import io.actionflow.collections.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A table's row buttons as a test sees them: the browser draws them from the actions column's template
 * ({@link RowButtons}), so a test reads their labels from each row's data and clicks one by calling the function the
 * browser's click calls, with the row's record.
 */
final class RowClicks {

    private RowClicks() {
    }

    /** The labels of row {@code row}'s buttons (an icon button's label is its tooltip and accessible name). */
    static List<String> labels(TableBlockView table, int row) {
        var item = GridKt._get(table.grid(), row);
        var labels = new ArrayList<String>();
        var providers = renderer(table).getValueProviders();
        for (int i = 0; providers.containsKey("label" + i); i++) {
            labels.add(String.valueOf(providers.get("label" + i).apply(item)));
        }
        return labels;
    }

    /** Clicks the button labelled {@code label} on row {@code row}. */
    static void click(TableBlockView table, int row, String label) {
        int index = labels(table, row).indexOf(label);
        if (index < 0) {
            throw new AssertionError("no row button " + label + " in " + labels(table, row));
        }
        callables(renderer(table)).get(RowButtons.function(index))
                .accept(GridKt._get(table.grid(), row), JsonNodeFactory.instance.arrayNode());
    }

    /** The template the browser draws the row buttons from. */
    static String template(TableBlockView table) {
        return (String) hidden("templateExpression", renderer(table));
    }

    @SuppressWarnings("unchecked")
    private static LitRenderer<StoredRecord> renderer(TableBlockView table) {
        return (LitRenderer<StoredRecord>) table.grid().getColumnByKey("actions").getRenderer();
    }

    /** The functions the template's clicks call. */
    @SuppressWarnings("unchecked")
    private static Map<String, SerializableBiConsumer<StoredRecord, ArrayNode>> callables(LitRenderer<StoredRecord> renderer) {
        return (Map<String, SerializableBiConsumer<StoredRecord, ArrayNode>>) hidden("clientCallables", renderer);
    }

    /** Vaadin keeps a renderer's template and functions to itself: they are read as it stores them. */
    private static Object hidden(String name, LitRenderer<StoredRecord> renderer) {
        try {
            var field = LitRenderer.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(renderer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
