package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ui.DesignMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A page as a role with few rights sees it: what it may not read or do is not there (issue 13). */
class PageAccessTest extends KaribuTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Autowired
    Roles roles;

    @Autowired
    Permissions permissions;

    @Autowired
    UserService users;

    @Test
    void a_role_sees_only_the_columns_blocks_and_buttons_it_may_use() {
        signIn("admin");
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String parts = "parts_" + s;
        collections.create(new CollectionDraft(parts, "Parts " + s, null, "name"));
        collections.addField(parts, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(parts, FieldDraft.of("cost", FieldType.INTEGER, FieldSettings.titled("Cost")));
        records.create(parts, Map.of("name", "Bolt", "cost", 3));
        String clerk = roles.create("clerk_" + s, "Clerk " + s).id();
        String username = "clerk" + s;
        users.create(new UserDraft(username, "Clerk", null, "long-enough-1", Set.of(clerk)));
        var page = pages.create(new PageDraft("Parts " + s, null, null, 1, Set.of(clerk)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, parts, null, 0, List.of("name", "cost"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, parts, null, 0, List.of("name", "cost"), FormMode.CREATE, 0, null));
        permissions.save(clerk, parts, new Grant(true, false, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL,
                Set.of("name"), null, null));

        // design mode warns that the page's role cannot read everything it shows... here it can read, so no warning
        DesignMode.set(true);
        navigate("p/" + page.slug());
        assertThat(_find(Span.class, spec -> spec.withClasses("af-design-warning"))).isEmpty();
        DesignMode.set(false);

        signIn(username);
        navigate("p/" + page.slug());
        var table = _get(TableBlockView.class);
        assertThat(table.grid().getColumnByKey("name")).isNotNull();
        assertThat(table.grid().getColumnByKey("cost")).as("a field it may not read").isNull();
        assertThat(GridKt._getFormatted(table.grid(), 0, "name")).isEqualTo("Bolt");
        assertThat(_find(FormBlockView.class)).as("a create form it may not use").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Delete selected"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Add new"))).isEmpty();
        assertThat(RowClicks.labels(table, 0)).doesNotContain("Delete", "Edit");

        // allowed to create, but only the name: the form asks for the name alone, and saves it
        signIn("admin");
        permissions.save(clerk, parts, new Grant(true, true, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL,
                Set.of("name"), Set.of("name"), null));
        signIn(username);
        navigate("p/" + page.slug());
        var form = _get(FormBlockView.class);
        assertThat(_find(form, IntegerField.class)).isEmpty();
        _setValue(_get(form, TextField.class, spec -> spec.withLabel("Name")), "Nut");
        _click(_get(form, Button.class, spec -> spec.withText("Submit")));
        assertThat(queries.count(parts, Filter.where("name", Filter.Operator.EQ, "Nut"))).isEqualTo(1);

        // a page whose role may not read its collection: design mode says so
        signIn("admin");
        permissions.save(clerk, parts, Grant.NONE);
        DesignMode.set(true);
        navigate("p/" + page.slug());
        assertThat(_find(Span.class, spec -> spec.withClasses("af-design-warning"))).extracting(Span::getText)
                .contains("Clerk " + s + " see this page but may not read Parts " + s
                        + ": give them view permission on the Roles page, or take the page from them.");
        DesignMode.set(false);
        assertThat(Role.ADMIN_ID).isEqualTo("admin");
    }

    @Test
    void a_link_to_a_record_the_role_may_not_see_reads_as_not_visible_in_a_table_not_as_its_id() {
        signIn("admin");
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String suppliers = "suppliers_" + s;
        String parts = "parts_" + s;
        collections.create(new CollectionDraft(suppliers, "Suppliers " + s, null, "name"));
        collections.addField(suppliers, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.create(new CollectionDraft(parts, "Parts " + s, null, "name"));
        collections.addField(parts, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(parts, FieldDraft.relation("supplier", suppliers, null, FieldSettings.titled("Supplier")));
        long open = records.create(suppliers, Map.of("name", "Open Co")).id();
        long closed = records.create(suppliers, Map.of("name", "Closed Co")).id();
        records.create(parts, Map.of("name", "Bolt", "supplier", open));
        records.create(parts, Map.of("name", "Nut", "supplier", closed));
        String buyer = roles.create("buyer_" + s, "Buyer " + s).id();
        String username = "buyer" + s;
        users.create(new UserDraft(username, "Buyer", null, "long-enough-1", Set.of(buyer)));
        permissions.save(buyer, parts, Grant.READ_ONLY);
        permissions.save(buyer, suppliers, new Grant(true, false, false, false, false,
                new Scope.Where("{\"name\": {\"$includes\": \"Open\"}}"), Scope.ALL, Scope.ALL, null, null, null));
        var page = pages.create(new PageDraft("Parts " + s, null, null, 1, Set.of(buyer)));
        pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, parts, null, 0, List.of("name", "supplier"), null, 10, null));

        signIn(username);
        navigate("p/" + page.slug());
        var table = _get(TableBlockView.class);
        assertThat(GridKt._getFormatted(table.grid(), 0, "supplier")).isEqualTo("Open Co");
        assertThat(GridKt._getFormatted(table.grid(), 1, "supplier")).isEqualTo("Not visible to you").doesNotContain(String.valueOf(closed));
    }
}
