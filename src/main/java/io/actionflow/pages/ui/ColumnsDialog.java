package io.actionflow.pages.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import io.actionflow.pages.ColumnLayout;
import io.actionflow.platform.ui.FormDialog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A user's own columns of a table: which show, in which order (up and down), and how wide (empty: as wide as the
 * content). Kept for that user only; "Reset" goes back to the block's layout.
 */
final class ColumnsDialog extends FormDialog {

    private final ColumnsField columns;
    private final Consumer<ColumnLayout> onSave;

    ColumnsDialog(ColumnLayout current, Map<String, String> titles, Consumer<ColumnLayout> onSave, Runnable onReset) {
        super(null);
        this.onSave = onSave;
        setHeaderTitle(getTranslation("columns.title"));
        columns = new ColumnsField(titles);
        columns.setLabel(getTranslation("columns.label"));
        columns.setHelperText(getTranslation("columns.help"));
        columns.setValue(current);
        errors.bind("columns", columns);
        for (String field : titles.keySet()) {
            errors.bind("columns." + field, columns.width(field));
        }
        form.add(columns);
        var reset = new Button(getTranslation("columns.reset"), e -> {
            onReset.run();
            close();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().addComponentAsFirst(reset);
    }

    @Override
    protected void save() {
        onSave.accept(columns.getValue());
    }

    /** The columns as rows: shown, title, width, up, down. */
    static final class ColumnsField extends CustomField<ColumnLayout> {

        private final Map<String, String> titles;
        private final Div rows = new Div();
        private final List<String> order = new ArrayList<>();
        private final Map<String, Checkbox> shown = new java.util.HashMap<>();
        private final Map<String, IntegerField> widths = new java.util.HashMap<>();

        ColumnsField(Map<String, String> titles) {
            this.titles = titles;
            rows.addClassName("af-columns-rows");
            add(rows);
            for (var entry : titles.entrySet()) {
                var show = new Checkbox(entry.getValue());
                show.addValueChangeListener(e -> updateValue());
                shown.put(entry.getKey(), show);
                var width = new IntegerField();
                width.setAriaLabel(getTranslation("columns.width.of", entry.getValue()));
                width.setPlaceholder(getTranslation("columns.width.auto"));
                width.setMin(ColumnLayout.NARROWEST);
                width.setMax(ColumnLayout.WIDEST);
                width.setSuffixComponent(new com.vaadin.flow.component.html.Span("px"));
                width.addValueChangeListener(e -> updateValue());
                widths.put(entry.getKey(), width);
            }
        }

        IntegerField width(String field) {
            return widths.get(field);
        }

        @Override
        protected ColumnLayout generateModelValue() {
            return new ColumnLayout(order.stream().map(f -> new ColumnLayout.Column(f, !shown.get(f).getValue(),
                    widths.get(f).getValue())).toList());
        }

        @Override
        protected void setPresentationValue(ColumnLayout layout) {
            order.clear();
            var fitted = (layout == null ? new ColumnLayout(List.of()) : layout).fitted(List.copyOf(titles.keySet()));
            for (var column : fitted.columns()) {
                order.add(column.field());
                shown.get(column.field()).setValue(!column.hidden());
                widths.get(column.field()).setValue(column.width());
            }
            draw();
        }

        private void draw() {
            rows.removeAll();
            for (int i = 0; i < order.size(); i++) {
                String field = order.get(i);
                int index = i;
                var up = move(VaadinIcon.ARROW_UP, "columns.up", field, index, -1);
                up.setEnabled(i > 0);
                var down = move(VaadinIcon.ARROW_DOWN, "columns.down", field, index, 1);
                down.setEnabled(i < order.size() - 1);
                var row = new Div(shown.get(field), widths.get(field), up, down);
                row.addClassName("af-columns-row");
                row.getElement().setAttribute("data-field", field);
                rows.add(row);
            }
        }

        private Button move(VaadinIcon icon, String key, String field, int index, int by) {
            var button = new Button(icon.create(), e -> {
                order.remove(index);
                order.add(index + by, field);
                draw();
                updateValue();
            });
            button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.setAriaLabel(getTranslation(key, titles.get(field)));
            button.setTooltipText(getTranslation(key, titles.get(field)));
            return button;
        }
    }
}
