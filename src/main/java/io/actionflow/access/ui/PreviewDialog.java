package io.actionflow.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.actionflow.access.Access;
import io.actionflow.access.Act;
import io.actionflow.access.Actor;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.ui.RecordFormat;
import io.actionflow.platform.RoleDefinition;
import java.util.List;

/** A collection's data as a role sees it: the records and fields it may read (its own records are yours here). */
final class PreviewDialog extends Dialog {

    PreviewDialog(Access access, CollectionService collections, RoleDefinition role, String roleTitle, String collection) {
        var definition = collections.require(collection);
        setHeaderTitle(getTranslation("roles.preview.title", definition.title(), roleTitle));
        setWidth("min(960px, 95vw)");
        addClassName("af-dialog");
        var me = access.current();
        var reader = access.reader(new Actor(me.username(), me.userId(), role.id(), me.email(), me.nickname()));
        if (!reader.may(collection, Act.VIEW)) {
            var none = new Paragraph(getTranslation("roles.preview.none", roleTitle, definition.title()));
            none.addClassName("af-muted");
            add(none);
        } else {
            var grid = new Grid<StoredRecord>();
            grid.addColumn(StoredRecord::id).setKey("id").setHeader("#").setAutoWidth(true).setFlexGrow(0); // i18n: not user-facing
            for (FieldDefinition field : definition.columnFields()) {
                if (reader.reads(collection, field.name())) {
                    grid.addColumn(r -> RecordFormat.display(this, field, r)).setKey(field.name()).setHeader(field.title())
                            .setAutoWidth(true);
                }
            }
            grid.setItems(query -> reader.find(collection, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")),
                    query.getOffset(), query.getLimit())).stream(), query -> (int) Math.min(reader.count(collection, Filter.all()),
                    Integer.MAX_VALUE));
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
            grid.setHeight("22rem");
            var count = new Span(getTranslation("records.count", reader.count(collection, Filter.all())));
            count.addClassName("af-muted");
            add(grid, count);
        }
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }
}
