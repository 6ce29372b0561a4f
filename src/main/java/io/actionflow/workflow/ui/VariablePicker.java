package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small {@code {}} menu beside a setting: the variables available there, by heading and by name, so that an admin
 * picks {@code {{$context.data.amount}}} as "Amount" instead of typing it. Picking one puts it where the caret was.
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

    /**
     * A picker for a text setting. The browser tells where the caret was when the field lost focus (to the picker):
     * a selection is replaced by the variable, a caret gets it inserted there; a setting that holds only one variable
     * (a starting value such as the loop's list) is replaced; otherwise the variable is added at the end, on a new line
     * where the setting holds one per line.
     */
    static <C extends Component & HasValue<?, String>> VariablePicker into(C field, List<Variables.Group> groups, boolean perLine) {
        var caret = new int[] {-1, -1};
        field.getElement().addEventListener("focusout", e -> {
            caret[0] = e.getEventData().path(START).asInt(-1);
            caret[1] = e.getEventData().path(END).asInt(-1);
        }).addEventData(START).addEventData(END);
        field.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                caret[0] = -1;
                caret[1] = -1;
            }
        });
        return new VariablePicker(groups, template -> {
            String before = field.getValue();
            field.setValue(placed(before, template, perLine, caret[0], caret[1]));
        });
    }

    private static final String START = "element.inputElement ? element.inputElement.selectionStart : -1";
    private static final String END = "element.inputElement ? element.inputElement.selectionEnd : -1";
    private static final java.util.regex.Pattern LONE = java.util.regex.Pattern.compile("\\s*\\{\\{[^{}]*}}\\s*");

    /** Where a picked variable goes in {@code text}, given the selection the field had ({@code -1} when unknown). */
    static String placed(String text, String template, boolean perLine, int start, int end) {
        if (text == null || text.isEmpty()) {
            return template;
        }
        if (start >= 0 && end >= start && end <= text.length() && (start < end || start < text.length())) {
            return text.substring(0, start) + template + text.substring(end);
        }
        if (!perLine && LONE.matcher(text).matches()) {
            return template;
        }
        return appended(text, template, perLine);
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
