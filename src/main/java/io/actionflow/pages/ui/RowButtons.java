package io.actionflow.pages.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table's row buttons drawn by the browser from one template, as the buttons {@link ButtonActions#create} makes look
 * and behave: a refresh after a Submit sends each row's data, not three buttons, icons and tooltips per row to be built
 * anew (a 92 KB answer for 20 rows before). A click disables the button in the browser at once and runs on the server
 * as {@link ButtonActions#click}; the server ignores a second click on the same row's button until the first is over,
 * as it does for a disabled button.
 *
 * <p>Labels and icon names are an admin's text: they reach the browser as each row's data, never inside the template,
 * so no label can become markup or code.
 */
final class RowButtons {

    private final BlockView block;
    private final List<ButtonDefinition> buttons;
    private final Set<String> running = new HashSet<>();

    RowButtons(BlockView block, List<ButtonDefinition> buttons) {
        this.block = block;
        this.buttons = List.copyOf(buttons);
    }

    /** The function a click on the {@code index}th button calls: what a test calls to click it. */
    static String function(int index) {
        return "click" + index;
    }

    LitRenderer<StoredRecord> renderer(Grid<StoredRecord> grid) {
        var template = new StringBuilder("<div class=\"af-row-actions\">"); // i18n: not user-facing
        for (int i = 0; i < buttons.size(); i++) {
            var definition = buttons.get(i);
            boolean compact = ButtonActions.compactIcon(definition) != null;
            template.append("<vaadin-button class=\"af-action\" data-kind=\"").append(definition.kind().name()) // i18n: not user-facing
                    .append("\" theme=\"").append(theme(definition, compact)).append('"'); // i18n: not user-facing
            if (compact) {
                template.append(" aria-label=\"${item.label").append(i).append("}\"");
            }
            template.append(" @click=\"${e => { const b = e.currentTarget; b.disabled = true; b.setAttribute('af-busy', ''); ") // i18n: not user-facing
                    .append(function(i)).append("(); }}\">");
            if (icon(definition) != null) {
                template.append("<vaadin-icon slot=\"prefix\" icon=\"${item.icon").append(i).append("}\"></vaadin-icon>"); // i18n: not user-facing
            }
            if (compact) {
                template.append("<vaadin-tooltip slot=\"tooltip\" text=\"${item.label").append(i).append("}\"></vaadin-tooltip>"); // i18n: not user-facing
            } else {
                template.append("${item.label").append(i).append('}');
            }
            template.append("</vaadin-button>"); // i18n: not user-facing
        }
        var renderer = LitRenderer.<StoredRecord>of(template.append("</div>").toString()); // i18n: not user-facing
        for (int i = 0; i < buttons.size(); i++) {
            var definition = buttons.get(i);
            String label = ButtonActions.label(block, definition);
            String icon = icon(definition);
            renderer.withProperty("label" + i, r -> label);
            if (icon != null) {
                renderer.withProperty("icon" + i, r -> icon);
            }
            renderer.withFunction(function(i), r -> click(grid, definition, r));
        }
        return renderer;
    }

    /** The icon a button shows: View, Edit and Delete's own when they have no label or icon, or the admin's. */
    private static String icon(ButtonDefinition definition) {
        String compact = ButtonActions.compactIcon(definition);
        if (compact != null) {
            return compact;
        }
        return definition.icon() != null && definition.icon().contains(":") ? definition.icon() : null;
    }

    private void click(Grid<StoredRecord> grid, ButtonDefinition definition, StoredRecord row) {
        String key = definition.id() + ":" + definition.position() + ":" + row.id();
        if (!running.add(key)) {
            return;
        }
        ButtonActions.click(definition, block, row, () -> {
            running.remove(key);
            grid.getElement().executeJs("this.querySelectorAll('vaadin-button[af-busy]')"
                    + ".forEach(b => { b.disabled = false; b.removeAttribute('af-busy'); })");
        });
    }

    private static String theme(ButtonDefinition definition, boolean compact) {
        var theme = new ArrayList<String>();
        theme.add(ButtonVariant.LUMO_SMALL.getVariantName());
        if (definition.style() == ButtonStyle.PRIMARY) {
            theme.add(ButtonVariant.LUMO_PRIMARY.getVariantName());
        } else {
            theme.add(ButtonVariant.LUMO_TERTIARY.getVariantName());
        }
        if (definition.style() == ButtonStyle.DANGER) {
            theme.add(ButtonVariant.LUMO_ERROR.getVariantName());
        }
        if (compact) {
            theme.add(ButtonVariant.LUMO_ICON.getVariantName());
        }
        assert definition.placement() == ButtonPlacement.ROW;
        return String.join(" ", theme);
    }
}
