package io.actionflow.workflow.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small {@code {}} menu beside a setting: the variables available there, by heading and by name, so that an admin
 * picks {@code {{$context.data.amount}}} as "Amount" instead of typing it. Picking one adds it to the setting.
 */
final class VariablePicker extends MenuBar {

    VariablePicker(List<Variables.Group> groups, Consumer<String> onPick) {
        addThemeVariants(MenuBarVariant.LUMO_ICON, MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        addClassName("af-variable-picker");
        var root = addItem(VaadinIcon.CURLY_BRACKETS.create());
        root.setAriaLabel(getTranslation("variables.insert"));
        setTooltipText(root, getTranslation("variables.insert"));
        var menu = root.getSubMenu();
        for (var group : groups) {
            if (group.variables().isEmpty()) {
                continue;
            }
            var heading = menu.addItem(group.label());
            for (var variable : group.variables()) {
                var item = heading.getSubMenu().addItem(variable.label(), e -> onPick.accept(variable.template()));
                item.getElement().setAttribute("data-variable", variable.path());
            }
        }
    }

    /** A picker that adds the variable at the end of a text setting (on a new line where the setting holds one per line). */
    static VariablePicker into(HasValue<?, String> field, List<Variables.Group> groups, boolean perLine) {
        return new VariablePicker(groups, template -> field.setValue(appended(field.getValue(), template, perLine)));
    }

    static String appended(String text, String template, boolean perLine) {
        if (text == null || text.isEmpty()) {
            return template;
        }
        if (perLine) {
            return text + (text.endsWith("\n") ? "" : "\n") + template;
        }
        char last = text.charAt(text.length() - 1);
        // after a word a space; after punctuation (a slash in a URL, a # in a title) none
        return text + (Character.isLetterOrDigit(last) || last == ')' || last == '}' ? " " : "") + template;
    }
}
