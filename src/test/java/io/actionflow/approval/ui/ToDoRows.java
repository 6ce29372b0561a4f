package io.actionflow.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/** Choosing a row of a to-do or submission list, as a reader clicks it. */
final class ToDoRows {

    private ToDoRows() {
    }

    /** Chooses the row of the list in {@code view} whose item reads with {@code text}. */
    @SuppressWarnings("unchecked")
    static void choose(Component view, String text) {
        Grid<Object> grid = _get(view, Grid.class);
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (String.valueOf(GridKt._get(grid, row)).contains(text)) {
                grid.asSingleSelect().setValue(GridKt._get(grid, row));
                return;
            }
        }
        throw new AssertionError("No row with " + text);
    }
}
