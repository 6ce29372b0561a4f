package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node setting made of rows that can be added and removed (conditions, sorts, values, headers), under its label;
 * what is wrong with the rows as a whole shows under the label.
 */
final class SettingRows<T> extends Div implements HasValidation {

    /** One row: its fields, and how to read it (null when it is empty) and check it. */
    record Row<T>(List<Component> fields, Supplier<T> reader, Supplier<Boolean> check) {

        Row(List<Component> fields, Supplier<T> reader) {
            this(fields, reader, () -> true);
        }
    }

    private final Function<T, Row<T>> make;
    private final String removeLabel;
    private final Div list = new Div();
    private final List<Row<T>> rows = new ArrayList<>();
    private final Span error = new Span();

    SettingRows(String setting, String label, String addLabel, String removeLabel, Function<T, Row<T>> make) {
        this.make = make;
        this.removeLabel = removeLabel;
        addClassName("af-setting-rows");
        getElement().setAttribute("data-setting", setting);
        var title = new Span(label);
        title.addClassName("af-setting-label");
        var add = new Button(addLabel, VaadinIcon.PLUS.create(), e -> addRow(null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        error.addClassName("af-setting-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(title, error, list, add);
    }

    @Override
    public void setErrorMessage(String message) {
        error.setText(message == null ? "" : message);
    }

    @Override
    public String getErrorMessage() {
        return error.getText().isEmpty() ? null : error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        getElement().setAttribute("invalid", invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }

    void show(List<T> values) {
        list.removeAll();
        rows.clear();
        values.forEach(this::addRow);
    }

    private void addRow(T value) {
        var row = make.apply(value);
        rows.add(row);
        var line = new HorizontalLayout();
        line.addClassName("af-setting-row");
        row.fields().forEach(line::add);
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            rows.remove(row);
            list.remove(line);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel(removeLabel);
        line.add(remove);
        line.setWidthFull();
        list.add(line);
    }

    List<T> values() {
        return rows.stream().map(r -> r.reader().get()).filter(Objects::nonNull).toList();
    }

    boolean check() {
        boolean valid = true;
        for (Row<T> row : rows) {
            valid &= row.check().get();
        }
        return valid;
    }
}
