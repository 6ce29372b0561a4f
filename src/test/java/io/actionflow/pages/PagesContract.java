package io.actionflow.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Role;
import io.actionflow.platform.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** What pages, blocks and buttons must do on every database we run on. */
@WithMockUser(username = "admin", roles = "admin")
abstract class PagesContract {

    @Autowired
    PageService pages;

    @Autowired
    CollectionService collections;

    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContexts;

    @Autowired
    io.actionflow.workflow.WorkflowService workflows;

    String collection;

    @BeforeEach
    void collection() {
        collection = "notes_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(collection, "Notes", null, null));
        collections.addField(collection, FieldDraft.of("body", FieldType.TEXT, FieldSettings.titled("Body")));
        collections.addField(collection, FieldDraft.of("done", FieldType.BOOLEAN, FieldSettings.titled("Done")));
    }

    @Test
    void a_page_keeps_its_layout_blocks_and_default_buttons() {
        var page = pages.create(new PageDraft("Team notes", null, "vaadin:book", 2, Set.of(Role.MEMBER_ID)));
        assertThat(page.slug()).startsWith("team-notes");

        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 10, null));
        long table = page.blocks().getFirst().id();
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, collection, "Add a note", 1, List.of("body"), FormMode.CREATE, 0, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.DETAILS, collection, null, 1, List.of(), null, 0, table));

        var reloaded = pages.open(page.slug());
        assertThat(reloaded.blocks()).extracting(BlockDefinition::type).containsExactly(BlockType.TABLE, BlockType.FORM, BlockType.DETAILS);
        assertThat(reloaded.column(1)).extracting(BlockDefinition::type).containsExactly(BlockType.FORM, BlockType.DETAILS);
        assertThat(reloaded.blocks().getFirst().fields()).containsExactly("body", "done");
        assertThat(reloaded.blocks().getFirst().buttons()).extracting(ButtonDefinition::kind).containsExactly(
                ButtonKind.ADD_NEW, ButtonKind.REFRESH, ButtonKind.DELETE_SELECTED, ButtonKind.VIEW, ButtonKind.EDIT, ButtonKind.DELETE);
        assertThat(reloaded.blocks().get(1).buttons()).extracting(ButtonDefinition::kind).containsExactly(ButtonKind.SUBMIT);
        assertThat(reloaded.blocks().get(2).sourceBlockId()).isEqualTo(table);
    }

    @Test
    void buttons_keep_their_settings_and_order() {
        var page = pages.create(new PageDraft("Buttons " + collection, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 25, null));
        long table = page.blocks().getFirst().id();
        var markDone = new ButtonDraft(ButtonKind.UPDATE_RECORD, ButtonPlacement.ROW, "Mark done", "vaadin:check",
                ButtonStyle.PRIMARY, "Really?", "Marked", List.of(), false, page.id(), Map.of("done", "true"), null);
        page = pages.addButton(table, markDone);
        var button = page.blocks().getFirst().buttons(ButtonPlacement.ROW).getLast();

        assertThat(button.label()).isEqualTo("Mark done");
        assertThat(button.presets()).containsEntry("done", "true");
        assertThat(button.confirmText()).isEqualTo("Really?");
        assertThat(button.closeDialog()).isFalse();
        assertThat(button.goToPageId()).isEqualTo(page.id());

        page = pages.moveButton(button.id(), -1);
        assertThat(page.blocks().getFirst().buttons(ButtonPlacement.ROW)).extracting(ButtonDefinition::label)
                .containsExactly(null, null, "Mark done", null);
    }

    @Test
    void a_new_form_shows_the_one_to_many_fields_as_sub_tables_and_a_table_leaves_them_out() {
        String lines = "lines_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(lines, "Lines", null, null));
        collections.addField(lines, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));
        collections.addField(lines, FieldDraft.relation("note", collection, "lines", FieldSettings.titled("Note")));
        var page = pages.create(new PageDraft("Sub-tables " + collection, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, collection, null, 0, List.of(), null, 0, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 10, null));
        assertThat(page.blocks().get(0).fields()).containsExactly("body", "done", "lines");
        assertThat(page.blocks().get(1).fields()).containsExactly("body", "done");
    }

    @Test
    void an_icon_that_does_not_exist_is_refused_with_its_name_and_a_padded_one_is_kept_stripped() {
        var page = pages.create(new PageDraft("Icons " + collection, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 25, null));
        long table = page.blocks().getFirst().id();
        for (String icon : List.of("vaadin:no-such-icon", "lumo:plus", "check", "vaadin:CHECK")) {
            var draft = new ButtonDraft(ButtonKind.REFRESH, ButtonPlacement.TOOLBAR, null, icon, ButtonStyle.DEFAULT, null, null,
                    List.of(), true, null, Map.of(), null);
            assertThatThrownBy(() -> pages.addButton(table, draft)).as(icon)
                    .isInstanceOfSatisfying(io.actionflow.platform.ValidationException.class, refused -> assertThat(refused.errors())
                            .extracting(io.actionflow.platform.FieldError::messageKey).containsExactly("button.icon.unknown"));
        }
        assertThatThrownBy(() -> pages.create(new PageDraft("Icon " + collection, null, "vaadin:nope", 1, Set.of(Role.MEMBER_ID))))
                .isInstanceOf(io.actionflow.platform.ValidationException.class);
        page = pages.addButton(table, new ButtonDraft(ButtonKind.REFRESH, ButtonPlacement.TOOLBAR, null, " vaadin:refresh ",
                ButtonStyle.DEFAULT, null, null, List.of(), true, null, Map.of(), null));
        assertThat(page.blocks().getFirst().buttons(ButtonPlacement.TOOLBAR).getLast().icon()).isEqualTo("vaadin:refresh");
    }

    @Test
    void misplaced_or_incomplete_buttons_and_blocks_are_refused() {
        var page = pages.create(new PageDraft("Refusals " + collection, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 25, null));
        long table = page.blocks().getFirst().id();
        long pageId = page.id();

        assertRefused(() -> pages.addButton(table, ButtonDraft.of(ButtonKind.SUBMIT, ButtonPlacement.FORM, null, ButtonStyle.PRIMARY)),
                FieldError.of("kind", "button.kind.misplaced"));
        assertRefused(() -> pages.addButton(table, ButtonDraft.of(ButtonKind.UPDATE_RECORD, ButtonPlacement.ROW, null, ButtonStyle.DEFAULT)),
                FieldError.of("presets", "button.presets.required"));
        assertRefused(() -> pages.addBlock(pageId, new BlockDraft(BlockType.TABLE, collection, null, 0, List.of("nope"), null, 25, null)),
                FieldError.of("fields", "block.field.unknown", "nope", "Notes"));
        assertRefused(() -> pages.addBlock(pageId, new BlockDraft(BlockType.TABLE, "no_such_collection", null, 0, List.of(), null, 25, null)),
                FieldError.of("collection", "collection.notFound", "no_such_collection"));
        assertRefused(() -> pages.create(new PageDraft(" ", "Bad Slug", null, 3, Set.of())),
                FieldError.of("title", "validation.required"), FieldError.of("slug", "page.slug.invalid"),
                FieldError.of("columns", "page.columns.invalid"), FieldError.of("roles", "user.roles.required"));
    }

    @Test
    void a_member_cannot_open_an_admin_page() {
        var page = pages.create(new PageDraft("Admins " + collection, null, null, 1, Set.of(Role.ADMIN_ID)));
        asMember(() -> {
            assertThatThrownBy(() -> pages.open(page.slug())).isInstanceOf(AccessDeniedException.class);
            assertThat(pages.visible()).extracting(PageDefinition::id).doesNotContain(page.id());
        });
    }

    @Test
    void a_member_cannot_bind_add_new_make_a_rule_global_or_move_a_select_option_s_records() {
        var page = pages.create(new PageDraft("Binds " + collection, null, null, 1, Set.of(Role.MEMBER_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, List.of(), null, 25, null));
        long addNew = page.blocks().getFirst().buttons().stream().filter(b -> b.kind() == ButtonKind.ADD_NEW).findFirst().orElseThrow().id();
        collections.addField(collection, FieldDraft.of("stage", FieldType.SINGLE_SELECT, FieldSettings.titled("Stage").withOptions(List.of("A", "B"))));
        var rule = workflows.create(new io.actionflow.workflow.WorkflowDraft("Rule " + collection, null, io.actionflow.triggers.TriggerType.PRE_ACTION,
                Map.of("collection", collection), true, 0));
        workflows.updateGraph(rule.id(), new io.actionflow.workflow.engine.WorkflowGraph(List.of(
                io.actionflow.workflow.engine.NodeDef.of("say", "response-message", Map.of("message", "No.")))));
        workflows.enable(rule.id());
        asMember(() -> {
            assertThatThrownBy(() -> pages.bind(addNew, List.of())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> collections.optionUses(collection, "stage")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workflows.makeGlobal(rule.key(), io.actionflow.triggers.TriggerConfig.DataAction.CREATE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> collections.updateField(collection, "stage", FieldDraft.of("stage", FieldType.SINGLE_SELECT,
                    FieldSettings.titled("Stage").withOptions(List.of("A"))), Map.of("B", "A"))).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(collections.find(collection).orElseThrow().field("stage").orElseThrow().options()).containsExactly("A", "B");
        assertThat(workflows.get(rule.id()).triggerConfig()).doesNotContainKey("global");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, FieldError... errors) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactlyInAnyOrder(errors));
    }

    /** Runs {@code checks} signed in as the member, then as before. */
    private void asMember(Runnable checks) {
        var member = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("member", null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_member")));
        var previous = securityContexts.getContext();
        try {
            var asMember = securityContexts.createEmptyContext();
            asMember.setAuthentication(member);
            securityContexts.setContext(asMember);
            checks.run();
        } finally {
            securityContexts.setContext(previous);
        }
    }
}
