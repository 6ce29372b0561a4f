package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The ways around an admin's rules that issue 26 found, replayed over HTTP as a member-like role of the test's own,
 * on each database: the value a rule sees is the value stored, a relation or {@code workflows:trigger} reaches only
 * what the caller may, and the body never says which record runs. Each refusal wrote nothing.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class RulesHoldContract {

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    @Autowired
    Permissions permissions;

    @Autowired
    Roles roles;

    @Autowired
    UserService users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    io.actionflow.access.Access access;

    String purchases;
    String tickets;
    String secrets;
    String posts;
    String categories;
    String notes;
    String role;
    String member;
    String other;
    String admin;
    String otherName;
    String memberName;

    @BeforeEach
    void model() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        purchases = "purchases_" + s;
        tickets = "tickets_" + s;
        secrets = "secrets_" + s;
        posts = "posts_" + s;
        categories = "categories_" + s;
        notes = "notes_" + s;
        collections.create(new CollectionDraft(purchases, "Purchases", null, "title"));
        collections.addField(purchases, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title")));
        collections.addField(purchases, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(purchases, FieldDraft.of("total", FieldType.DECIMAL, FieldSettings.titled("Total")));
        collections.create(new CollectionDraft(tickets, "Tickets", null, "subject"));
        collections.addField(tickets, FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject")));
        collections.addField(tickets, FieldDraft.of("description", FieldType.LONG_TEXT, FieldSettings.titled("Description")));
        collections.addField(tickets, FieldDraft.of("priority", FieldType.SINGLE_SELECT, FieldSettings.titled("Priority")
                .withOptions(List.of("Normal", "Urgent"))));
        collections.create(new CollectionDraft(secrets, "Secrets", null, "code"));
        collections.addField(secrets, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code")));
        collections.create(new CollectionDraft(categories, "Categories", null, "name"));
        collections.addField(categories, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.create(new CollectionDraft(posts, "Posts", null, "title"));
        collections.addField(posts, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title")));
        collections.addField(posts, FieldDraft.relation("secret", secrets, null, FieldSettings.titled("Secret")));
        collections.addField(posts, FieldDraft.relation("category", categories, null, FieldSettings.titled("Category")));
        collections.create(new CollectionDraft(notes, "Notes", null, "text"));
        collections.addField(notes, FieldDraft.of("text", FieldType.TEXT, FieldSettings.titled("Text")));

        role = roles.create("rules_" + s, "Rules " + s).id();
        var all = new Grant(true, true, true, true, true, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null);
        permissions.save(role, purchases, all);
        permissions.save(role, tickets, all);
        permissions.save(role, posts, all);
        permissions.save(role, categories, new Grant(true, false, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
        permissions.save(role, secrets, Grant.NONE);
        permissions.save(role, notes, new Grant(true, true, true, true, true, Scope.OWN, Scope.OWN, Scope.OWN, null, null, null));
        memberName = "rules" + s;
        users.create(new UserDraft(memberName, "Member " + s, null, "long-enough-1", Set.of(role)));
        otherName = "other" + s;
        users.create(new UserDraft(otherName, "Other " + s, null, "long-enough-1", Set.of(role)));
        member = tokens.create("rules" + s, "rules").secret();
        other = tokens.create("other" + s, "rules").secret();
        admin = tokens.create("admin", "rules " + s).secret();
    }

    @Test
    void an_approval_condition_sees_the_number_the_record_stores_whatever_shape_it_was_sent_in() throws Exception {
        workflow("Approve above 500", TriggerType.APPROVAL, Map.of("collection", purchases, "mode", "beforeSave",
                "condition", "$context.data.amount > 500", "global", true, "actions", List.of("create", "update")), false,
                new NodeDef("ask", "approval", "Ask", Map.of("approvers", List.of(otherName)), Map.of()));
        for (Object amount : List.of("99999", "1e5", " 600", "6e2", "600 ", 600.0, "+601", "0600")) {
            var held = post("/api/" + purchases + ":create", member, Map.of("title", "x", "amount", amount));
            assertThat(held.status()).as("amount %s: %s", amount, held.body()).isEqualTo(202);
        }
        assertThat(queries.count(purchases, Filter.all())).isZero();

        var small = post("/api/" + purchases + ":create", member, Map.of("title", "small", "amount", " 42 "));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(small.data().get("amount")).isEqualTo(42);

        var unreadable = post("/api/" + purchases + ":create", member, Map.of("title", "x", "amount", "600abc"));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("amount");
            assertThat(String.valueOf(e.get("message"))).isEqualTo("Enter a whole number.");
        });
        long id = ((Number) small.data().get("id")).longValue();
        var raised = post("/api/" + purchases + ":update?filterByTk=" + id, member, Map.of("amount", "7e2"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(202);
        assertThat(queries.get(purchases, id).orElseThrow().get("amount")).isEqualTo(42L);
    }

    @Test
    void records_a_collections_own_global_rules_guard_are_not_written_from_inside_another_record() throws Exception {
        workflow("Approve above 500", TriggerType.APPROVAL, Map.of("collection", purchases, "mode", "beforeSave",
                "condition", "$context.data.amount > 500", "global", true, "actions", List.of("create", "update")), false,
                new NodeDef("ask", "approval", "Ask", Map.of("approvers", List.of(otherName)), Map.of()));
        String orders = "orders_" + purchases.substring(purchases.indexOf('_') + 1);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("ref", FieldType.TEXT, FieldSettings.titled("Ref")));
        collections.addField(orders, FieldDraft.relation("request", purchases, null, FieldSettings.titled("Request")));
        collections.addField(purchases, FieldDraft.relation("batch", orders, "requests", FieldSettings.titled("Batch")));
        permissions.save(role, orders, new Grant(true, true, true, true, true, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));

        var inside = post("/api/" + orders + ":create", member, Map.of("ref", "o1", "request", Map.of("title", "Yacht", "amount", 99999)));
        assertThat(inside.status()).as(inside.body()).isEqualTo(400);
        assertThat(inside.error()).startsWith("Purchases has workflows that run on every change of its records (Approve above 500");
        var rows = post("/api/" + orders + ":create", member, Map.of("ref", "o2", "requests", List.of(Map.of("title", "Jet", "amount", "1e5"))));
        assertThat(rows.status()).as(rows.body()).isEqualTo(400);
        assertThat(queries.count(purchases, Filter.all())).isZero();
        assertThat(queries.count(orders, Filter.all())).isZero();

        // rows an update leaves out are deletes in their own collection: a global guard on deletes keeps them
        long order = records.create(orders, Map.of("ref", "o3")).id();
        long kept = records.create(purchases, Map.of("title", "Chair", "amount", 40, "batch", order)).id();
        workflow("Keep purchases", TriggerType.PRE_ACTION, Map.of("collection", purchases, "global", true, "actions", List.of("destroy")),
                true, NodeDef.of("stop", "end", Map.of("status", "fail")));
        var emptied = post("/api/" + orders + ":update?filterByTk=" + order, member, Map.of("requests", List.of()));
        assertThat(emptied.status()).as(emptied.body()).isEqualTo(400);
        assertThat(queries.get(purchases, kept)).isPresent();
        // a record on its own still goes through its rules
        assertThat(post("/api/" + purchases + ":create", member, Map.of("title", "Jet", "amount", 99999)).status()).isEqualTo(202);
    }

    @Test
    void a_pre_action_rule_sees_text_trimmed_and_blanks_empty_as_they_are_stored() throws Exception {
        workflow("Urgent needs a description", TriggerType.PRE_ACTION, Map.of("collection", tickets, "global", true,
                "actions", List.of("create", "update")), true,
                new NodeDef("urgent", "condition", "Urgent without a description?", Map.of("mode", "branch", "expression",
                        "$context.data.priority == 'Urgent' and ($context.data.description == null or $context.data.description == '')"),
                        Map.of()).withBranch("yes", List.of(
                                NodeDef.of("say", "response-message", Map.of("message", "Urgent tickets need a description.")),
                                NodeDef.of("stop", "end", Map.of("status", "fail")))).withBranch("no", List.of()));
        for (var values : List.<Map<String, Object>>of(Map.of("subject", "a", "priority", "Urgent "),
                Map.of("subject", "b", "priority", " Urgent", "description", " "),
                Map.of("subject", "c", "priority", "Urgent", "description", "\t\n"))) {
            var blocked = post("/api/" + tickets + ":create", member, values);
            assertThat(blocked.status()).as("%s: %s", values, blocked.body()).isEqualTo(400);
        }
        assertThat(queries.count(tickets, Filter.all())).isZero();
        assertThat(post("/api/" + tickets + ":create", member, Map.of("subject", "d", "priority", "Urgent ", "description", "Printer on fire"))
                .status()).isEqualTo(200);
    }

    @Test
    void a_custom_action_through_a_relation_needs_the_right_on_the_related_record() throws Exception {
        long secret = records.create(secrets, Map.of("code", "s3cr3t")).id();
        long post = records.create(posts, Map.of("title", "Hello", "secret", secret)).id();
        var burn = workflow("Burn the secret", TriggerType.CUSTOM_ACTION, Map.of("collection", secrets, "contextType", "single"), true,
                NodeDef.of("burn", "update", Map.of("collection", secrets, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("code", "burnt"))),
                NodeDef.of("say", "response-message", Map.of("message", "Was {{$context.data.code}}")));

        var through = post("/api/" + posts + ":trigger/" + post + "?triggerWorkflows=" + burn.key() + "!secret", member, null);
        assertThat(through.status()).as(through.body()).isIn(403, 404);
        assertThat(through.body()).doesNotContain("s3cr3t");
        assertThat(post("/api/" + secrets + ":trigger/" + secret + "?triggerWorkflows=" + burn.key(), member, null).status()).isEqualTo(403);
        var direct = post("/api/workflows:trigger?filterByTk=" + secret + "&triggerWorkflows=" + burn.key(), member, null);
        assertThat(direct.status()).as(direct.body()).isEqualTo(403);
        var formLike = post("/api/workflows:trigger?triggerWorkflows=" + burn.key(), member, Map.of("code", "x"));
        assertThat(formLike.status()).as(formLike.body()).isEqualTo(403);
        assertThat(queries.get(secrets, secret).orElseThrow().get("code")).isEqualTo("s3cr3t");

        // the admin may, both ways
        var allowed = post("/api/" + posts + ":trigger/" + post + "?triggerWorkflows=" + burn.key() + "!secret", admin, null);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("Was s3cr3t");
        assertThat(queries.get(secrets, secret).orElseThrow().get("code")).isEqualTo("burnt");
    }

    @Test
    void workflows_trigger_needs_the_right_to_run_custom_actions_on_the_workflows_collection() throws Exception {
        long first = records.create(posts, Map.of("title", "First")).id();
        var stamp = workflow("Stamp", TriggerType.CUSTOM_ACTION, Map.of("collection", posts, "contextType", "single"), true,
                NodeDef.of("stamp", "update", Map.of("collection", posts, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("title", "Stamped"))));
        permissions.save(role, posts, new Grant(true, true, true, true, false, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
        var refused = post("/api/workflows:trigger?filterByTk=" + first + "&triggerWorkflows=" + stamp.key(), member, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(queries.get(posts, first).orElseThrow().get("title")).isEqualTo("First");

        permissions.save(role, posts, new Grant(true, true, true, true, true, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
        var allowed = post("/api/workflows:trigger?filterByTk=" + first + "&triggerWorkflows=" + stamp.key(), member, null);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(queries.get(posts, first).orElseThrow().get("title")).isEqualTo("Stamped");
    }

    @Test
    void the_body_never_says_which_record_runs() throws Exception {
        long theirs = id(post("/api/" + notes + ":create", other, Map.of("text", "theirs")));
        long mine = id(post("/api/" + notes + ":create", member, Map.of("text", "mine")));
        var scribble = workflow("Scribble", TriggerType.CUSTOM_ACTION, Map.of("collection", notes, "contextType", "single"), true,
                NodeDef.of("scribble", "update", Map.of("collection", notes, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("text", "scribbled"))));

        var onMine = post("/api/" + notes + ":trigger/" + mine + "?triggerWorkflows=" + scribble.key(), member, Map.of("id", theirs));
        assertThat(onMine.status()).as(onMine.body()).isEqualTo(400);
        assertThat(onMine.body()).contains("id is kept by Actionflow");
        var noRecord = post("/api/" + notes + ":trigger?triggerWorkflows=" + scribble.key(), member, Map.of("id", theirs));
        assertThat(noRecord.status()).as(noRecord.body()).isEqualTo(400);
        var update = post("/api/" + notes + ":update?filterByTk=" + mine, member, Map.of("id", theirs, "text", "x"));
        assertThat(update.status()).as(update.body()).isEqualTo(400);
        var create = post("/api/" + notes + ":create", member, Map.of("id", theirs, "text", "x"));
        assertThat(create.status()).as(create.body()).isEqualTo(400);
        assertThat(queries.get(notes, theirs).orElseThrow().get("text")).isEqualTo("theirs");
        assertThat(queries.get(notes, mine).orElseThrow().get("text")).isEqualTo("mine");

        // the record's own id, as a client that sends back what it read does, is no change of record
        var same = post("/api/" + notes + ":update?filterByTk=" + mine, member, Map.of("id", mine, "text", "mine, edited"));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(post("/api/" + notes + ":trigger/" + mine + "?triggerWorkflows=" + scribble.key(), member, null).status()).isEqualTo(200);
        assertThat(queries.get(notes, mine).orElseThrow().get("text")).isEqualTo("scribbled");
        assertThat(post("/api/" + notes + ":trigger/" + theirs + "?triggerWorkflows=" + scribble.key(), member, null).status()).isEqualTo(404);
    }

    @Test
    void a_form_value_laid_over_a_record_for_a_custom_action_needs_the_right_to_write_that_field() throws Exception {
        long post = records.create(posts, Map.of("title", "Draft")).id();
        var publish = workflow("Publish", TriggerType.CUSTOM_ACTION, Map.of("collection", posts, "contextType", "single"), true,
                NodeDef.of("say", "response-message", Map.of("message", "Publishing {{$context.data.title}}")));
        permissions.save(role, posts, new Grant(true, true, true, true, true, Scope.ALL, Scope.ALL, Scope.ALL, null, null, Set.of()));
        var changed = post("/api/" + posts + ":trigger/" + post + "?triggerWorkflows=" + publish.key(), member, Map.of("title", "Forged"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(403);
        var unchanged = post("/api/" + posts + ":trigger/" + post + "?triggerWorkflows=" + publish.key(), member, Map.of("title", " Draft "));
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.body()).contains("Publishing Draft");
    }

    @Test
    void a_trigger_body_links_only_records_the_caller_may_read_as_a_save_would() throws Exception {
        long secret = records.create(secrets, Map.of("code", "s3cr3t")).id();
        long post = records.create(posts, Map.of("title", "Draft")).id();
        var keep = workflow("Keep the link", TriggerType.CUSTOM_ACTION, Map.of("collection", posts, "contextType", "single"), true,
                NodeDef.of("save", "update", Map.of("collection", posts, "filter", List.of(Map.of("field", "id",
                        "value", "{{$context.data.id}}")), "values", Map.of("secret", "{{$context.data.secret}}"))),
                NodeDef.of("say", "response-message", Map.of("message", "Linked {{$context.data.secret}}")));
        for (Object link : List.of(secret, String.valueOf(secret), Map.of("id", secret))) {
            var onRecord = post("/api/" + posts + ":trigger/" + post + "?triggerWorkflows=" + keep.key(), member, Map.of("secret", link));
            assertThat(onRecord.status()).as("%s: %s", link, onRecord.body()).isIn(403, 404);
            var onForm = post("/api/" + posts + ":trigger?triggerWorkflows=" + keep.key(), member, Map.of("title", "x", "secret", link));
            assertThat(onForm.status()).as("%s: %s", link, onForm.body()).isIn(403, 404);
        }
        assertThat(queries.get(posts, post).orElseThrow().get("secret")).isNull();
    }

    @Test
    void linking_by_id_links_an_existing_record_the_caller_may_read() throws Exception {
        long news = records.create(categories, Map.of("name", "News")).id();
        long secret = records.create(secrets, Map.of("code", "hidden")).id();
        long before = queries.count(categories, Filter.all());

        var linked = post("/api/" + posts + ":create", member, Map.of("title", "Linked", "category", Map.of("id", news)));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.data().get("category")).isEqualTo((int) news);
        assertThat(queries.count(categories, Filter.all())).isEqualTo(before);
        var byString = post("/api/" + posts + ":create", member, Map.of("title", "Linked", "category", Map.of("id", " " + news)));
        assertThat(byString.status()).as(byString.body()).isEqualTo(200);

        long posts0 = queries.count(posts, Filter.all());
        for (Object link : List.of(secret, String.valueOf(secret), Map.of("id", secret), Map.of("id", String.valueOf(secret)))) {
            var hidden = post("/api/" + posts + ":create", member, Map.of("title", "Peek", "secret", link));
            assertThat(hidden.status()).as("%s: %s", link, hidden.body()).isIn(403, 404);
            assertThat(hidden.body()).doesNotContain("hidden");
        }
        var missing = post("/api/" + posts + ":create", member, Map.of("title", "Peek", "category", 999_999));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("There is no record 999999 in Categories.");
        assertThat(queries.count(posts, Filter.all())).isEqualTo(posts0);

        // a record that already holds the link keeps it through an update
        long held = records.create(posts, Map.of("title", "Held", "secret", secret)).id();
        var keep = post("/api/" + posts + ":update?filterByTk=" + held, member, Map.of("title", "Held, renamed", "secret", secret));
        assertThat(keep.status()).as(keep.body()).isEqualTo(200);
    }

    @Test
    void a_link_to_a_record_the_reader_may_not_see_shows_neither_its_title_nor_its_id() {
        long open = records.create(categories, Map.of("name", "open news")).id();
        long closed = records.create(categories, Map.of("name", "closed news")).id();
        long secret = records.create(secrets, Map.of("code", "hidden")).id();
        permissions.save(role, categories, new Grant(true, false, false, false, false,
                new Scope.Where("{\"name\": {\"$includes\": \"open\"}}"), Scope.ALL, Scope.ALL, null, null, null));
        long seen = records.create(posts, Map.of("title", "Seen", "category", open, "secret", secret)).id();
        long unseen = records.create(posts, Map.of("title", "Unseen", "category", closed)).id();
        var reader = access.reader(access.actor(memberName, role));

        var first = reader.get(posts, seen).orElseThrow();
        assertThat(first.hides("category")).isFalse();
        assertThat(first.relationTitles()).containsEntry("category", "open news");
        assertThat(first.hides("secret")).as("a collection the role sees nothing of").isTrue();
        var second = reader.get(posts, unseen).orElseThrow();
        assertThat(second.hides("category")).as("outside the role's filter").isTrue();
        // the link stays the record's: an edit that sends it back keeps it
        assertThat(second.get("category")).isEqualTo(closed);
        assertThat(access.reader(access.actor("admin", "admin")).get(posts, unseen).orElseThrow().hides("category")).isFalse();
    }

    @Test
    void the_http_node_puts_submitted_values_in_as_data_never_as_address_or_json_text() throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " ? "
                    + exchange.getRequestURI().getRawQuery() + " | " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " | " + exchange.getRequestHeaders().getFirst("X-Token") + " | " + exchange.getRequestHeaders().getFirst("X-Evil")
                    + " | " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var call = workflow("Call out", TriggerType.CUSTOM_ACTION, Map.of("contextType", "none", "roles", List.of(role)), true,
                    NodeDef.of("text", "request", Map.of("method", "POST",
                            "url", base + "/api/{{$context.data.coll}}:list?q={{$context.data.q}}&limit=5",
                            "headers", Map.of("X-Token", "admin-secret"),
                            "body", "{\"title\": \"{{$context.data.note}}\", \"amount\": {{$context.data.amount}}}")),
                    NodeDef.of("object", "request", Map.of("method", "PUT", "url", base + "/items/{{$context.data.amount}}",
                            "body", new java.util.TreeMap<>(Map.of("note", "{{$context.data.note}}", "tags", List.of("{{$context.data.q}}"))))));
            var answer = post("/api/workflows:trigger?triggerWorkflows=" + call.key(), member, Map.of(
                    "coll", "workspace:export?x=", "q", "a&limit=1000#x", "note", "x\", \"content\": \"INJECTED", "amount", 5));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(received).containsExactly(
                    "POST /api/workspace%3Aexport%3Fx%3D:list ? q=a%26limit%3D1000%23x&limit=5 | application/json | admin-secret | null"
                            + " | {\"title\":\"x\\\", \\\"content\\\": \\\"INJECTED\",\"amount\":5}",
                    "PUT /items/5 ? null | application/json | null | null | {\"note\":\"x\\\", \\\"content\\\": \\\"INJECTED\",\"tags\":[\"a&limit=1000#x\"]}");

            // a form body's values are encoded: a value with & and = stays one value
            var form = workflow("Form", TriggerType.CUSTOM_ACTION, Map.of("contextType", "none", "roles", List.of(role)), true,
                    NodeDef.of("f", "request", Map.of("method", "POST", "url", base + "/form",
                            "headers", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                            "body", "a={{$context.data.name}}&role=user")));
            assertThat(post("/api/workflows:trigger?triggerWorkflows=" + form.key(), member, Map.of("name", "x&role=admin"))
                    .status()).isEqualTo(200);
            assertThat(received).hasSize(3).last().asString().endsWith("| a=x%26role%3Dadmin&role=user");
            received.removeLast();

            // a value with a line break never becomes a header of its own
            var header = workflow("Header", TriggerType.CUSTOM_ACTION, Map.of("contextType", "none", "roles", List.of(role)), true,
                    NodeDef.of("h", "request", Map.of("url", base + "/h", "headers", Map.of("X-Token", "{{$context.data.token}}"))));
            var split = post("/api/workflows:trigger?triggerWorkflows=" + header.key(), member, Map.of("token", "a\r\nX-Evil: 1"));
            assertThat(split.status()).as(split.body()).isEqualTo(400);
            assertThat(split.body()).contains("a line break");
            assertThat(received).hasSize(2);

            // a value that is a whole path step would move the address: nothing is sent
            var step = workflow("Step", TriggerType.CUSTOM_ACTION, Map.of("contextType", "none", "roles", List.of(role)), true,
                    NodeDef.of("s", "request", Map.of("url", base + "/a/{{$context.data.seg}}/b")));
            for (String seg : List.of("..", ".")) {
                var moved = post("/api/workflows:trigger?triggerWorkflows=" + step.key(), member, Map.of("seg", seg));
                assertThat(moved.status()).as(moved.body()).isEqualTo(400);
                assertThat(moved.body()).contains("whole path step");
            }
            assertThat(post("/api/workflows:trigger?triggerWorkflows=" + step.key(), member, Map.of("seg", "...x")).status()).isEqualTo(200);
            assertThat(received).hasSize(3).last().asString().startsWith("GET /a/...x/b");

            // a variable where the host, the port or a parameter's name goes is refused when the workflow is enabled
            for (String url : List.of("http://{{$context.data.host}}/x", base + "/x?{{$context.data.name}}=1", "{{$context.data.url}}",
                    "http://127.0.0.1:{{$context.data.port}}/x", base + "{{$context.data.rest}}")) {
                var draft = workflows.create(new WorkflowDraft("Host " + UUID.randomUUID(), null, TriggerType.CUSTOM_ACTION,
                        Map.of("contextType", "none"), true, 0));
                workflows.updateGraph(draft.id(), new WorkflowGraph(List.of(NodeDef.of("h", "request", Map.of("url", url)))));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflows.enable(draft.id())).as(url)
                        .isInstanceOfSatisfying(io.actionflow.platform.ValidationException.class, e -> assertThat(e.errors())
                                .extracting(er -> io.actionflow.English.of(new io.actionflow.platform.Text(er.messageKey(), er.args())))
                                .anyMatch(m -> m.contains(url) && m.contains("has a variable in its scheme, host, port")));
            }
        } finally {
            server.stop(0);
        }
    }

    // --- helpers

    private WorkflowDefinition workflow(String title, TriggerType type, Map<String, Object> trigger, boolean synchronous,
            NodeDef... nodes) {
        var workflow = workflows.create(new WorkflowDraft(title + " " + UUID.randomUUID().toString().substring(0, 6), null,
                type, trigger, synchronous, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(nodes)));
        return workflows.enable(workflow.id());
    }

    private static long id(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return ((Number) answer.data().get("id")).longValue();
    }

    ApiClient.Answer post(String path, String token, Object body) throws Exception {
        return new ApiClient(port).post(path, token, body);
    }
}
