package io.actionflow.pages.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonPlacement;
import java.util.List;
import java.util.Map;

/**
 * One block on a page: a frame with its title (and, in design mode, its settings and buttons), and a body each kind
 * of block fills. Buttons ask their block for what they act on: the selected rows, or the form's values.
 */
abstract class BlockView extends Div {

    private final PageContext context;
    private final BlockDefinition block;
    private final CollectionDefinition collection;
    protected final Div body = new Div();

    BlockView(PageContext context, BlockDefinition block) {
        this.context = context;
        this.block = block;
        this.collection = context.collection(block.collection());
        addClassNames("af-block", "af-block-" + block.type().name().toLowerCase(java.util.Locale.ROOT));
        getElement().setAttribute("data-block", String.valueOf(block.id()));
        var title = new H3(block.title() != null ? block.title() : collection.title());
        title.addClassName("af-block-title");
        var header = new Div(title);
        header.addClassName("af-block-header");
        if (context.design) {
            var type = new Span(getTranslation(block.type().labelKey()) + " · " + collection.title());
            type.addClassName("af-block-kind");
            header.add(type, BlockDesign.menu(context, block, this));
        }
        var blind = context.design ? context.rolesThatCannotRead(block.collection()) : List.<String>of();
        body.addClassName("af-block-body");
        add(header);
        if (!blind.isEmpty()) {
            var names = blind.stream().map(r -> context.roles.label(r, this::getTranslation)).toList();
            var warning = new Span(getTranslation("design.block.unreadable", String.join(", ", names), collection.title()));
            warning.addClassNames("af-badge", "af-badge-warning", "af-design-warning");
            add(warning);
        }
        if (context.design) {
            add(BlockDesign.buttonStrip(context, block, this));
        }
        add(body);
        context.register(this);
    }

    PageContext context() {
        return context;
    }

    BlockDefinition block() {
        return block;
    }

    CollectionDefinition collection() {
        return collection;
    }

    /** Reloads what the block shows. */
    abstract void refresh();

    /** Shows the record selected in this block's source table or list (details and edit forms). */
    void follow(StoredRecord record) {
    }

    /** The records a toolbar button acts on. */
    List<StoredRecord> selected() {
        return List.of();
    }

    Map<String, Object> formValues() {
        return Map.of();
    }

    /** The record an edit form shows, or null. */
    Long formRecordId() {
        return null;
    }

    /** Where the results of this block's form buttons land; blocks without a form have none. */
    FormHost formHost() {
        return FormHost.NONE;
    }

    protected List<Button> buttons(ButtonPlacement placement, StoredRecord row, Dialog dialog) {
        return block.buttons(placement).stream().filter(b -> context.shows(b, block.collection()))
                .map(b -> ButtonActions.create(b, this, row, dialog)).toList();
    }

    /** The row actions its user may use. */
    protected List<ButtonDefinition> rowButtons() {
        return block.buttons(ButtonPlacement.ROW).stream().filter(b -> context.shows(b, block.collection())).toList();
    }

    /** The fields of this block its user may read. */
    protected List<String> readableFields() {
        return context.readable(block.collection(), block.fields());
    }
}
