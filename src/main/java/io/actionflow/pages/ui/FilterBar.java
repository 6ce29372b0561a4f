package io.actionflow.pages.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.Filter.Operator;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Filters a table on any stored field: choose a field, a comparison and a value, and the condition joins the others
 * (all must hold). Each condition shows as a chip that removes it.
 */
final class FilterBar extends Div {

    private final CollectionDefinition collection;
    private final Runnable changed;
    private final java.util.function.Consumer<Filter> check;
    private final List<Filter.Condition> conditions = new ArrayList<>();
    private final Select<FieldDefinition> field = new Select<>();
    private final Select<Operator> operator = new Select<>();
    private final TextField value = new TextField();
    private final Div chips = new Div();

    /**
     * {@code check} runs a filter once and throws {@link ValidationException} if the database would refuse it; only the
     * fields {@code offered} are offered to filter on.
     */
    FilterBar(CollectionDefinition collection, java.util.function.Consumer<Filter> check, Runnable changed,
            java.util.function.Predicate<FieldDefinition> offered) {
        this.collection = collection;
        this.changed = changed;
        this.check = check;
        addClassName("af-filter-bar");
        field.setItems(collection.columnFields().stream().filter(offered).toList());
        field.setItemLabelGenerator(FieldDefinition::title);
        field.setPlaceholder(getTranslation("filter.field.placeholder"));
        field.setAriaLabel(getTranslation("filter.field.placeholder"));
        field.addValueChangeListener(e -> operators(e.getValue()));
        operator.setItemLabelGenerator(o -> getTranslation("filter.op." + o.name().toLowerCase(java.util.Locale.ROOT)));
        operator.setAriaLabel(getTranslation("filter.operator.label"));
        operator.addValueChangeListener(e -> value.setVisible(e.getValue() != Operator.EMPTY && e.getValue() != Operator.NOT_EMPTY));
        value.setPlaceholder(getTranslation("filter.value.placeholder"));
        value.setAriaLabel(getTranslation("filter.value.placeholder"));
        value.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> add());
        var apply = new Button(getTranslation("filter.add"), VaadinIcon.FILTER.create(), e -> add());
        apply.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        chips.addClassName("af-filter-chips");
        combine.setItems("all", "any");
        combine.setItemLabelGenerator(c -> getTranslation("filter.combine." + c));
        combine.setValue("all");
        combine.setAriaLabel(getTranslation("filter.combine"));
        combine.addClassName("af-filter-combine");
        combine.setVisible(false);
        combine.addValueChangeListener(e -> changed.run());
        var inputs = new Div(field, operator, value, apply);
        inputs.addClassName("af-filter-inputs");
        add(inputs, combine, chips);
    }

    /** The conditions, all of them holding or any one (the choice shows once there are two). */
    Filter filter() {
        if (conditions.isEmpty()) {
            return Filter.all();
        }
        return "any".equals(combine.getValue()) ? new Filter.Or(List.copyOf(conditions)) : new Filter.And(List.copyOf(conditions));
    }

    private final Select<String> combine = new Select<>();

    private void operators(FieldDefinition chosen) {
        if (chosen == null) {
            return;
        }
        List<Operator> allowed = Arrays.stream(Operator.values())
                .filter(o -> o != Operator.IN && o != Operator.BETWEEN)
                .filter(o -> o != Operator.CONTAINS || chosen.type().isText())
                .filter(o -> !(o == Operator.GT || o == Operator.GE || o == Operator.LT || o == Operator.LE)
                        || chosen.type().isNumber() || chosen.type() == FieldType.DATE || chosen.type() == FieldType.DATETIME)
                .toList();
        operator.setItems(allowed);
        operator.setValue(chosen.type().isText() ? Operator.CONTAINS : Operator.EQ);
    }

    private void add() {
        FieldDefinition chosen = field.getValue();
        Operator op = operator.getValue();
        if (chosen == null || op == null) {
            Notices.error(getTranslation("filter.incomplete"));
            return;
        }
        boolean needsValue = op != Operator.EMPTY && op != Operator.NOT_EMPTY;
        if (needsValue && value.getValue().isBlank()) {
            Notices.error(getTranslation("filter.incomplete"));
            return;
        }
        var condition = needsValue ? Filter.where(chosen.name(), op, value.getValue().strip()) : Filter.where(chosen.name(), op);
        conditions.add(condition);
        try {
            check.accept(filter());
        } catch (ValidationException refused) {
            conditions.remove(condition);
            Notices.refused(this, refused);
            return;
        }
        value.clear();
        showChips();
        changed.run();
    }

    private void showChips() {
        chips.removeAll();
        combine.setVisible(conditions.size() > 1);
        for (Filter.Condition condition : List.copyOf(conditions)) {
            String title = collection.field(condition.field()).map(FieldDefinition::title).orElse(condition.field());
            String text = title + " " + getTranslation("filter.op." + condition.operator().name().toLowerCase(java.util.Locale.ROOT))
                    + (condition.values().isEmpty() ? "" : " " + condition.values().getFirst());
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                conditions.remove(condition);
                showChips();
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("filter.remove", text));
            var chip = new Span(new Span(text), remove);
            chip.addClassName("af-filter-chip");
            chips.add(chip);
        }
    }
}
