package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.collections.CollectionService;
import io.actionflow.pages.PageService;
import io.actionflow.platform.ApiTokens;
import io.actionflow.workflow.WorkflowService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** The admin resources and the workspace document over real HTTP (issue 8), on each database. */
@WithMockUser(username = "admin", roles = "admin")
abstract class AdminApiContract {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    CollectionService collections;

    @Autowired
    PageService pages;

    @Autowired
    WorkflowService workflows;

    ApiClient api;
    String admin;
    String member;
    String suffix;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        admin = tokens.create("admin", "admin api " + suffix).secret();
        member = tokens.create("member", "member api " + suffix).secret();
    }

    @Test
    void members_may_not_use_admin_resources() throws Exception {
        for (String path : List.of("/api/collections:list", "/api/workflows:list", "/api/pages:list", "/api/workspace:export")) {
            var answer = api.get(path, member);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.error()).isEqualTo("You are not allowed to do this.");
        }
        assertThat(api.post("/api/collections:create", member, Map.of("name", "nope_" + suffix)).status()).isEqualTo(403);
        assertThat(collections.find("nope_" + suffix)).isEmpty();
    }

    @Test
    void an_admin_models_collections_fields_workflows_and_bindings() throws Exception {
        String customers = "clients_" + suffix;
        String orders = "deals_" + suffix;
        assertThat(api.post("/api/collections:create", admin, Map.of("name", customers, "title", "Clients",
                "fields", List.of(Map.of("name", "name", "type", "text", "title", "Name", "required", true)))).status()).isEqualTo(200);
        var created = api.post("/api/collections:create", admin, Map.of("name", orders, "title", "Deals", "titleField", "code",
                "fields", List.of(Map.of("name", "code", "type", "text", "title", "Code"),
                        Map.of("name", "client", "type", "many_to_one", "target", customers, "inverseName", "deals", "title", "Client"))));
        assertThat(created.status()).isEqualTo(200);
        assertThat(api.post("/api/collections/" + orders + "/fields:create", admin, Map.of("name", "amount", "type", "integer",
                "title", "Amount")).status()).isEqualTo(200);
        var renamed = api.post("/api/collections/" + orders + "/fields:update?filterByTk=amount", admin, Map.of("title", "Value",
                "required", false));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(collections.require(orders).field("amount").orElseThrow().title()).isEqualTo("Value");
        assertThat(api.post("/api/collections/" + orders + "/fields:update?filterByTk=nope", admin, Map.of("title", "X")).status())
                .isEqualTo(404);
        var got = api.get("/api/collections:get?filterByTk=" + orders, admin);
        assertThat(got.data()).containsEntry("titleField", "code");
        assertThat((List<?>) got.data().get("fields")).hasSize(3);
        assertThat(collections.require(customers).field("deals")).isPresent();
        assertThat(api.post("/api/collections:update?filterByTk=" + orders, admin, Map.of("title", "Deals won")).data())
                .containsEntry("title", "Deals won");

        var workflow = api.post("/api/workflows:create", admin, Map.of("title", "Note deals", "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", orders), "synchronous", true, "enabled", true,
                "nodes", List.of(Map.of("key", "calc", "type", "calculation", "config", Map.of("expression", "1")))));
        assertThat(workflow.status()).isEqualTo(200);
        String key = (String) workflow.data().get("key");
        assertThat(api.get("/api/workflows:get?filterByTk=" + key, admin).data()).containsEntry("enabled", true);

        var page = api.post("/api/pages:create", admin, Map.of("title", "Deals " + suffix, "roles", List.of("member", "admin"),
                "blocks", List.of(Map.of("ref", "form", "type", "form", "collection", orders, "fields", List.of("code", "amount"),
                        "formMode", "create", "buttons", List.of(Map.of("kind", "submit", "placement", "form", "label", "Submit",
                                "style", "primary"))))));
        assertThat(page.status()).isEqualTo(200);
        long buttonId = pages.list().stream().filter(p -> p.title().equals("Deals " + suffix)).findFirst().orElseThrow()
                .blocks().getFirst().buttons().getFirst().id();
        var bound = api.post("/api/buttons:bind?filterByTk=" + buttonId, admin, Map.of("bindings", List.of(Map.of("workflowKey", key))));
        assertThat(bound.status()).isEqualTo(200);
        assertThat(api.get("/api/buttons:get?filterByTk=" + buttonId, admin).data().get("bindings").toString()).contains(key);
        var refused = api.post("/api/buttons:bind?filterByTk=" + buttonId, admin, Map.of("bindings", List.of(Map.of("workflowKey", "nope"))));
        assertThat(refused.status()).isEqualTo(400);

        // still used by the page's block and the enabled workflow: not deleted, and the refusal says where
        var destroy = api.post("/api/collections:destroy?filterByTk=" + orders, admin, null);
        assertThat(destroy.status()).isEqualTo(400);
        assertThat(destroy.errors()).extracting(e -> e.get("message")).contains(
                "It is still used by a block of the page “Deals " + suffix + "”: change or remove that first.",
                "It is still used by the enabled workflow “Note deals”: change or remove that first.");
        assertThat(collections.find(orders)).isPresent();
    }

    @Autowired
    io.actionflow.platform.Roles roles;

    @Autowired
    io.actionflow.access.Permissions permissions;

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "admin")
    void a_workspace_exports_and_imports_elsewhere_with_new_ids_and_importing_twice_duplicates_nothing() throws Exception {
        String things = "things_" + suffix;
        api.post("/api/collections:create", admin, Map.of("name", things, "title", "Things", "titleField", "label",
                "fields", List.of(Map.of("name", "label", "type", "text", "title", "Label"))));
        var workflow = api.post("/api/workflows:create", admin, Map.of("title", "After things", "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", things), "synchronous", false, "enabled", true,
                "nodes", List.of(Map.of("key", "calc", "type", "calculation", "config", Map.of("expression", "2")))));
        String key = (String) workflow.data().get("key");
        api.post("/api/pages:create", admin, Map.of("title", "Things " + suffix, "blocks", List.of(
                Map.of("ref", "t", "type", "table", "collection", things, "fields", List.of("label"), "buttons", List.of()),
                Map.of("ref", "f", "type", "form", "collection", things, "fields", List.of("label"), "formMode", "create",
                        "buttons", List.of(Map.of("kind", "submit", "placement", "form", "label", "Submit", "refreshBlocks", List.of("t"),
                                "bindings", List.of(Map.of("workflowKey", key))))))));

        String auditor = roles.create("auditor_" + suffix.replace("-", ""), "Auditor " + suffix).id();
        permissions.save(auditor, things, new io.actionflow.access.Grant(true, false, false, false, false,
                io.actionflow.access.Scope.OWN, io.actionflow.access.Scope.ALL, io.actionflow.access.Scope.ALL,
                java.util.Set.of("label"), null, null));

        var exported = api.get("/api/workspace:export", admin);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).contains("\"id\":\"" + auditor + "\"").contains("\"role\":\"" + auditor + "\"");
        // the same document again: everything is there already
        var again = api.post("/api/workspace:import", admin, exported.json());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.data()).containsEntry("collections", 0).containsEntry("workflows", 0).containsEntry("pages", 0)
                .containsEntry("roles", 0).containsEntry("permissions", 0);

        // renamed, as another workspace would receive it: created with new ids, bindings and references remapped
        String copy = "copies_" + suffix;
        String renamed = api.get("/api/workspace:export", admin).body().replace(things, copy).replace(key, key + "c")
                .replace("things-" + suffix, "copies-" + suffix).replace("Things " + suffix, "Copies " + suffix);
        var imported = api.send("POST", "/api/workspace:import", admin, renamed, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.data()).containsEntry("collections", 1).containsEntry("workflows", 1).containsEntry("pages", 1)
                .containsEntry("permissions", 1);
        assertThat(permissions.configured(auditor, copy)).hasValueSatisfying(g -> {
            assertThat(g.readable()).containsExactly("label");
            assertThat(g.viewScope()).isEqualTo(io.actionflow.access.Scope.OWN);
        });
        assertThat(collections.find(copy)).isPresent();
        var page = pages.list().stream().filter(p -> p.title().equals("Copies " + suffix)).findFirst().orElseThrow();
        var submit = page.blocks().get(1).buttons().getFirst();
        assertThat(submit.bindings()).singleElement().satisfies(b -> assertThat(b.workflowKey()).isEqualTo(key + "c"));
        assertThat(submit.refreshBlockIds()).containsExactly(page.blocks().getFirst().id());
        assertThat(workflows.list().stream().filter(w -> w.key().equals(key + "c")).findFirst().orElseThrow().enabled()).isTrue();

        var twice = api.send("POST", "/api/workspace:import", admin, renamed, Map.of());
        assertThat(twice.data()).containsEntry("collections", 0).containsEntry("workflows", 0).containsEntry("pages", 0);
        assertThat(pages.list().stream().filter(p -> p.title().equals("Copies " + suffix))).hasSize(1);
    }

    @Test
    void titles_longer_than_they_may_be_are_refused_naming_the_field_not_a_crash() throws Exception {
        String things = "long_" + suffix;
        String long201 = "t".repeat(201);
        var collection = api.post("/api/collections:create", admin, Map.of("name", things, "title", long201));
        assertThat(collection.status()).as(collection.body()).isEqualTo(400);
        assertThat(collection.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("title");
            assertThat(e.get("message")).isEqualTo("Use at most 200 characters.");
        });
        assertThat(api.post("/api/collections:create", admin, Map.of("name", things, "title", "Things")).status()).isEqualTo(200);
        var field = api.post("/api/collections/" + things + "/fields:create", admin, Map.of("name", "label", "type", "text",
                "title", long201));
        assertThat(field.status()).as(field.body()).isEqualTo(400);
        assertThat(field.body()).contains("Use at most 200 characters.").doesNotContain("went wrong");
        var workflow = api.post("/api/workflows:create", admin, Map.of("title", long201, "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", things)));
        assertThat(workflow.status()).as(workflow.body()).isEqualTo(400);
        assertThat(workflow.errors()).singleElement().satisfies(e -> assertThat(e.get("field")).isEqualTo("title"));
    }

    @Test
    void an_invalid_workspace_document_is_refused_whole_with_its_problems() throws Exception {
        int pagesBefore = pages.list().size();
        var refused = api.post("/api/workspace:import", admin, Map.of("format", "actionflow-workspace",
                "collections", List.of(Map.of("name", "good_" + suffix, "fields", List.of(Map.of("name", "x", "type", "rainbow")))),
                "workflows", List.of(Map.of("key", "bad key!", "triggerType", "POST_ACTION")),
                "pages", List.of(Map.of("title", "P " + suffix, "blocks", List.of(Map.of("type", "table", "collection", "missing_" + suffix))))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(e -> e.get("message")).containsExactlyInAnyOrder(
                "The field good_" + suffix + ".x has an unknown type rainbow.",
                "The workflow key bad key! is not valid.",
                "A block of the page P " + suffix + " has an unknown type or collection (missing_" + suffix + ").");
        assertThat(collections.find("good_" + suffix)).isEmpty();
        assertThat(pages.list()).hasSize(pagesBefore);
        assertThat(api.post("/api/workspace:import", admin, Map.of("collections", List.of())).error())
                .isEqualTo("This is not a workspace document: it needs \"format\": \"actionflow-workspace\".");
    }

    @Test
    void a_workspace_block_without_a_collection_is_refused_not_a_crash() throws Exception {
        var refused = api.post("/api/workspace:import", admin, Map.of("format", "actionflow-workspace",
                "pages", List.of(Map.of("title", "Q " + suffix, "blocks", List.of(Map.of("type", "table"))))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).isNotEmpty();
    }
}
