package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.StoredRecord;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ColumnLayout;
import io.actionflow.pages.ColumnLayouts;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.ValidationException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A table's columns as each user sets them (issue 14.10): shown, hidden, ordered, sized, kept for that user only. */
class ColumnLayoutTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    ColumnLayouts layouts;

    private PageDefinition page(Set<String> roles) {
        signIn("admin");
        String s = UUID.randomUUID().toString().substring(0, 6);
        String name = "parts_" + s;
        collections.create(new CollectionDraft(name, "Parts", null, null));
        collections.addField(name, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        collections.addField(name, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
        collections.addField(name, FieldDraft.of("stock", FieldType.INTEGER, FieldSettings.titled("Stock")));
        var page = pages.create(new PageDraft("Parts " + s, null, "vaadin:table", 1, roles));
        return pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, name, null, 0, List.of("code", "label", "stock"), null, 10, null));
    }

    @Test
    void a_member_hides_orders_and_sizes_columns_and_the_admin_still_sees_the_table_s_own() {
        var page = page(Set.of(Role.ADMIN_ID, Role.MEMBER_ID));
        signIn("member");
        navigate("p/" + page.slug());
        _click(_get(Button.class, spec -> spec.withText("Columns")));
        var dialog = _get(ColumnsDialog.class);
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel("Label")), false);
        _click(_get(dialog, Button.class, spec -> spec.withAttribute("aria-label", "Move Stock up")));
        var codeWidth = _get(dialog, IntegerField.class, spec -> spec.withPredicate(f -> "Width of Code".equals(f.getAriaLabel().orElse(null))));
        _setValue(codeWidth, 12);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(codeWidth.isInvalid()).as("refused on the width it concerns").isTrue();
        assertThat(codeWidth.getErrorMessage()).isEqualTo("Give a width from 40 to 2000 pixels, or leave it empty.");
        _setValue(codeWidth, 180);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        _assertNone(ColumnsDialog.class);
        assertThat(shown()).containsExactly("code", "stock");
        assertThat(grid().getColumnByKey("code").getWidth()).isEqualTo("180px");

        // kept: a fresh visit shows it again
        navigate("");
        navigate("p/" + page.slug());
        assertThat(shown()).containsExactly("code", "stock");

        // hiding every column is refused, on the list
        _click(_get(Button.class, spec -> spec.withText("Columns")));
        dialog = _get(ColumnsDialog.class);
        for (String title : List.of("Code", "Stock")) {
            _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel(title)), false);
        }
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        var list = _get(dialog, ColumnsDialog.ColumnsField.class);
        assertThat(list.isInvalid()).isTrue();
        assertThat(list.getErrorMessage()).isEqualTo("Keep at least one column shown.");
        dialog.close();

        // the admin's table is the block's own
        signIn("admin");
        navigate("p/" + page.slug());
        assertThat(shown()).containsExactly("code", "label", "stock");

        // the member resets theirs
        signIn("member");
        navigate("p/" + page.slug());
        _click(_get(Button.class, spec -> spec.withText("Columns")));
        _click(_get(_get(ColumnsDialog.class), Button.class, spec -> spec.withText("Reset to the table’s layout")));
        assertThat(shown()).containsExactly("code", "label", "stock");
        navigate("");
        navigate("p/" + page.slug());
        assertThat(shown()).containsExactly("code", "label", "stock");
    }

    @Test
    void a_layout_is_refused_for_a_block_its_user_may_not_open_or_for_fields_it_does_not_show() {
        var page = page(Set.of(Role.ADMIN_ID));
        long block = page.blocks().getFirst().id();
        signIn("member");
        assertThatThrownBy(() -> layouts.save(block, new ColumnLayout(List.of(new ColumnLayout.Column("code", false, null)))))
                .isInstanceOf(NotFoundException.class);
        signIn("admin");
        assertThatThrownBy(() -> layouts.save(block, new ColumnLayout(List.of(new ColumnLayout.Column("secret", false, null)))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> layouts.save(-5, new ColumnLayout(List.of()))).isInstanceOf(NotFoundException.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<StoredRecord> grid() {
        return _get(_get(TableBlockView.class), Grid.class);
    }

    private static List<String> shown() {
        return grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey)
                .filter(k -> !"actions".equals(k) && !"card".equals(k)).toList();
    }

}
