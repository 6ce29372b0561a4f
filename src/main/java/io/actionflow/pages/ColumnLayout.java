package io.actionflow.pages;

import java.util.List;
import java.util.Optional;

/**
 * One user's layout of a table block: its columns in the order they show, each shown or hidden, with a width in
 * pixels or none (as wide as its content).
 */
public record ColumnLayout(List<Column> columns) {

    public static final int NARROWEST = 40;
    public static final int WIDEST = 2000;

    public record Column(String field, boolean hidden, Integer width) {

        public Column withWidth(Integer newWidth) {
            return new Column(field, hidden, newWidth);
        }
    }

    public ColumnLayout {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    /** This layout with the block's fields it does not know yet added (shown, at the end), and those gone dropped. */
    public ColumnLayout fitted(List<String> fields) {
        var kept = new java.util.ArrayList<>(columns.stream().filter(c -> fields.contains(c.field())).toList());
        fields.stream().filter(f -> column(f).isEmpty()).forEach(f -> kept.add(new Column(f, false, null)));
        return new ColumnLayout(kept);
    }
}
