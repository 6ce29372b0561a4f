package io.actionflow.pages.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.FormMode;
import io.actionflow.platform.ui.FormDialog;
import java.util.List;

/** Adds a block to a page ({@code existing == null}) or configures one: fields, form mode, column, page size, source. */
final class BlockDialog extends FormDialog {

    private final PageContext context;
    private final BlockDefinition existing;
    private final Select<BlockType> type = new Select<>();
    private final Select<String> collection = new Select<>();
    private final TextField title = new TextField();
    private final Select<Integer> column = new Select<>();
    private final CheckboxGroup<String> fields = new CheckboxGroup<>();
    private final Select<FormMode> formMode = new Select<>();
    private final IntegerField pageSize = new IntegerField();
    private final Select<Long> source = new Select<>();

    private BlockDialog(PageContext context, BlockDefinition existing) {
        super(null);
        this.context = context;
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "design.block.add" : "design.block.configure"));
        type.setLabel(getTranslation("design.block.type"));
        type.setItems(BlockType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        collection.setLabel(getTranslation("design.block.collection"));
        collection.setItems(context.collections.list().stream().map(CollectionDefinition::name).toList());
        collection.setItemLabelGenerator(n -> context.collections.find(n).map(CollectionDefinition::title).orElse(n));
        title.setLabel(getTranslation("design.block.title"));
        title.setHelperText(getTranslation("design.block.title.help"));
        column.setLabel(getTranslation("design.block.column"));
        column.setItems(0, 1);
        column.setItemLabelGenerator(c -> getTranslation("design.block.column." + c));
        column.setVisible(context.page().columns() > 1);
        fields.setLabel(getTranslation("design.block.fields"));
        fields.setHelperText(getTranslation("design.block.fields.help"));
        formMode.setLabel(getTranslation("design.block.formMode"));
        formMode.setItems(FormMode.values());
        formMode.setItemLabelGenerator(m -> getTranslation("formMode." + m.name().toLowerCase(java.util.Locale.ROOT)));
        pageSize.setLabel(getTranslation("design.block.pageSize"));
        pageSize.setMin(5);
        pageSize.setMax(500);
        source.setLabel(getTranslation("design.block.source"));
        source.setHelperText(getTranslation("design.block.source.help"));
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("design.block.source.none"));
        errors.bind("type", type).bind("collection", collection).bind("fields", fields).bind("formMode", formMode)
                .bind("sourceBlockId", source);
        checks(BlockDraft.class).field("title", title);

        type.addValueChangeListener(e -> adapt());
        collection.addValueChangeListener(e -> adapt());
        form.add(type, collection, title, column, formMode, fields, pageSize, source);
        fill();
    }

    static BlockDialog create(PageContext context) {
        return new BlockDialog(context, null);
    }

    static BlockDialog edit(PageContext context, BlockDefinition block) {
        return new BlockDialog(context, block);
    }

    private void fill() {
        if (existing == null) {
            type.setValue(BlockType.TABLE);
            column.setValue(0);
            pageSize.setValue(25);
            formMode.setValue(FormMode.CREATE);
            return;
        }
        type.setValue(existing.type());
        type.setReadOnly(true);
        collection.setValue(existing.collection());
        collection.setReadOnly(true);
        title.setValue(existing.title() == null ? "" : existing.title());
        column.setValue(existing.column());
        fields.setValue(java.util.Set.copyOf(existing.fields()));
        formMode.setValue(existing.formMode() == null ? FormMode.CREATE : existing.formMode());
        formMode.setReadOnly(true);
        pageSize.setValue(existing.pageSize());
        source.setValue(existing.sourceBlockId());
    }

    private void adapt() {
        BlockType chosen = type.getValue();
        formMode.setVisible(chosen == BlockType.FORM);
        pageSize.setVisible(chosen == BlockType.TABLE || chosen == BlockType.LIST);
        source.setVisible(chosen == BlockType.DETAILS || chosen == BlockType.FORM);
        String name = collection.getValue();
        if (name == null) {
            return;
        }
        var definition = context.collections.require(name);
        var selected = fields.getValue();
        fields.setItems(definition.fields().stream().map(FieldDefinition::name).toList());
        fields.setItemLabelGenerator(n -> definition.field(n).map(FieldDefinition::title).orElse(n));
        fields.setValue(selected.stream().filter(n -> definition.field(n).isPresent()).collect(java.util.stream.Collectors.toSet()));
        var sources = context.page().blocks().stream()
                .filter(b -> (b.type() == BlockType.TABLE || b.type() == BlockType.LIST) && b.collection().equals(name))
                .filter(b -> existing == null || b.id() != existing.id()).toList();
        source.setItems(sources.stream().map(BlockDefinition::id).toList());
        source.setItemLabelGenerator(id -> id == null ? getTranslation("design.block.source.none") : sources.stream()
                .filter(b -> b.id() == id).findFirst()
                .map(b -> (b.title() != null ? b.title() : definition.title()) + " · " + getTranslation(b.type().labelKey()))
                .orElse(String.valueOf(id)));
        if (existing != null) {
            source.setValue(existing.sourceBlockId());
        }
    }

    @Override
    protected void save() {
        String name = collection.getValue();
        List<String> ordered = name == null ? List.of() : context.collections.require(name).fields().stream()
                .map(FieldDefinition::name).filter(fields.getValue()::contains).toList();
        int chosenColumn = column.getValue() == null ? 0 : column.getValue();
        var draft = new BlockDraft(type.getValue(), name, title.getValue(), chosenColumn, ordered,
                formMode.isVisible() ? formMode.getValue() : null, pageSize.getValue() == null ? 25 : pageSize.getValue(),
                source.isVisible() ? source.getValue() : null);
        context.changed(existing == null
                ? context.pages.addBlock(context.page().id(), draft)
                : context.pages.updateBlock(existing.id(), draft));
    }
}
