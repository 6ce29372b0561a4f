package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.PageDefinition;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Confirmations;
import io.actionflow.platform.ui.Notices;
import java.util.function.Supplier;

/** The design-mode controls of a block and of each of its buttons. Every change is saved at once and redraws the page. */
final class BlockDesign {

    private BlockDesign() {
    }

    static Component menu(PageContext context, BlockDefinition block, Component owner) {
        var bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        bar.addClassName("af-design-menu");
        var root = bar.addItem(VaadinIcon.COG.create());
        root.setAriaLabel(owner.getTranslation("design.block.menu"));
        SubMenu menu = root.getSubMenu();
        menu.addItem(owner.getTranslation("design.block.configure"),
                e -> BlockDialog.edit(context, block).open());
        menu.addItem(owner.getTranslation("design.button.add"),
                e -> new ButtonDialog(context, block, null).open());
        menu.addItem(owner.getTranslation("design.block.rules", context.collection(block.collection()).title()),
                e -> new CollectionRulesDialog(context, block.collection()).open());
        menu.addItem(owner.getTranslation("design.moveUp"),
                e -> apply(context, owner, () -> context.pages.moveBlock(block.id(), block.column(), index(context, block) - 1)));
        menu.addItem(owner.getTranslation("design.moveDown"),
                e -> apply(context, owner, () -> context.pages.moveBlock(block.id(), block.column(), index(context, block) + 1)));
        if (context.page().columns() > 1) {
            menu.addItem(owner.getTranslation("design.block.otherColumn"),
                    e -> apply(context, owner, () -> context.pages.moveBlock(block.id(), 1 - block.column(), Integer.MAX_VALUE)));
        }
        menu.addSeparator();
        menu.addItem(owner.getTranslation("design.block.remove"), e -> confirm(owner,
                owner.getTranslation("design.block.remove.question"),
                () -> apply(context, owner, () -> context.pages.removeBlock(block.id()))));
        return bar;
    }

    /** Every button of the block, with its settings menu, so that row and form buttons can be configured too. */
    static Component buttonStrip(PageContext context, BlockDefinition block, Component owner) {
        var strip = new Div();
        strip.addClassName("af-design-buttons");
        var label = new Span(owner.getTranslation("design.buttons"));
        label.addClassName("af-muted");
        strip.add(label);
        for (ButtonDefinition button : block.buttons()) {
            var chip = new Div(new Span(ButtonActions.label(owner, button)),
                    new Span(owner.getTranslation("placement." + button.placement().name().toLowerCase(java.util.Locale.ROOT))),
                    buttonMenu(context, block, button, owner));
            chip.addClassName("af-design-chip");
            chip.getElement().setAttribute("data-button", String.valueOf(button.id()));
            strip.add(chip);
        }
        return strip;
    }

    private static Component buttonMenu(PageContext context, BlockDefinition block, ButtonDefinition button, Component owner) {
        var bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        var root = bar.addItem(VaadinIcon.COG.create());
        root.setAriaLabel(owner.getTranslation("design.button.menu", ButtonActions.label(owner, button)));
        SubMenu menu = root.getSubMenu();
        menu.addItem(owner.getTranslation("design.button.configure"), e -> new ButtonDialog(context, block, button).open());
        if (button.kind().action().isPresent()) {
            menu.addItem(owner.getTranslation("design.button.bind"), e -> new BindWorkflowsDialog(context, block, button).open());
        }
        menu.addItem(owner.getTranslation("design.moveEarlier"), e -> apply(context, owner, () -> context.pages.moveButton(button.id(), -1)));
        menu.addItem(owner.getTranslation("design.moveLater"), e -> apply(context, owner, () -> context.pages.moveButton(button.id(), 1)));
        menu.addSeparator();
        menu.addItem(owner.getTranslation("design.button.remove"), e -> confirm(owner,
                owner.getTranslation("design.button.remove.question", ButtonActions.label(owner, button)),
                () -> apply(context, owner, () -> context.pages.removeButton(button.id()))));
        return bar;
    }

    private static int index(PageContext context, BlockDefinition block) {
        return context.page().column(block.column()).indexOf(context.page().column(block.column()).stream()
                .filter(b -> b.id() == block.id()).findFirst().orElse(block));
    }

    static void apply(PageContext context, Component owner, Supplier<PageDefinition> change) {
        try {
            context.changed(change.get());
        } catch (ValidationException refused) {
            Notices.refused(owner, refused);
        }
    }

    private static void confirm(Component owner, String question, Runnable action) {
        Confirmations.destructive(owner, owner.getTranslation("design.confirm.title"), question,
                owner.getTranslation("fields.remove"), action).open();
    }
}
