package io.actionflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.demo.DemoWorkspace;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five ways issue 13 found to reach data no one granted, replayed as the demo's member over the HTTP API: each is
 * refused now, and nothing is written.
 */
class DemoBypassTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    PageService pages;

    @Autowired
    Permissions permissions;

    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void a_member_can_no_longer_skip_the_rules_or_read_what_no_one_granted() throws Exception {
        if (collections.find("support_tickets").isEmpty()) {
            demo.create();
        }
        String member = tokens.create(Role.MEMBER_ID, "bypass").secret();

        // 1. a purchase above 500 without triggerWorkflows: the global approval holds it
        long purchases = queries.count("purchase_requests", Filter.all());
        var yacht = call("POST", "/api/purchase_requests:create", member, Map.of("title", "Yacht", "amount", 99999));
        assertThat(yacht.statusCode()).as(yacht.body()).isEqualTo(202);
        assertThat(queries.count("purchase_requests", Filter.all())).isEqualTo(purchases);

        // 2. deleting an item in stock without naming the guard: the global pre-action keeps it
        long printer = queries.find("inventory_items", new io.actionflow.collections.RecordQuery(
                Filter.where("sku", Filter.Operator.EQ, "LP-100"), List.of(), 0, 1)).getFirst().id();
        var destroy = call("POST", "/api/inventory_items:destroy?filterByTk=" + printer, member, null);
        assertThat(destroy.statusCode()).isEqualTo(400);
        assertThat(destroy.body()).contains("still has 4 in stock");
        assertThat(queries.get("inventory_items", printer)).isPresent();

        // 3. writing the audit trail: members may only read it
        long entries = queries.count("stock_log", Filter.all());
        var forged = call("POST", "/api/stock_log:create", member, Map.of("entry", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("You may not create records of Stock log.");
        assertThat(call("GET", "/api/stock_log:list", member, null).statusCode()).isEqualTo(200);
        assertThat(queries.count("stock_log", Filter.all())).isEqualTo(entries);

        // 4. the accounts through a relation to users: names only, and no filter on what is hidden
        String samples = "samples_" + UUID.randomUUID().toString().substring(0, 6);
        collections.create(new CollectionDraft(samples, "Samples", null, null));
        collections.addField(samples, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
        collections.addField(samples, FieldDraft.relation("owner", "users", null, FieldSettings.titled("Owner")));
        records.create(samples, Map.of("label", "S-1", "owner", 1));
        var appended = call("GET", "/api/" + samples + ":list?appends=owner", member, null);
        assertThat(appended.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var owner = (Map<String, Object>) ((List<Map<String, Object>>) JSON.readValue(appended.body(), Map.class).get("data"))
                .getFirst().get("owner");
        assertThat(owner).containsKey("display_name").doesNotContainKeys("username", "email");
        var byEmail = call("GET", "/api/" + samples + ":list?filter=" + encode("{\"owner.email\": {\"$includes\": \"@\"}}"), member, null);
        assertThat(byEmail.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/users:list", member, null).statusCode()).isEqualTo(403);

        // 5. the records behind a page only admins open: not readable without a grant
        String salaries = "salaries_" + UUID.randomUUID().toString().substring(0, 6);
        collections.create(new CollectionDraft(salaries, "Salaries", null, null));
        collections.addField(salaries, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        records.create(salaries, Map.of("amount", 9000));
        pages.create(new PageDraft("Payroll " + salaries, null, null, 1, Set.of(Role.ADMIN_ID)));
        permissions.save(Role.MEMBER_ID, salaries, Grant.NONE);
        var list = call("GET", "/api/" + salaries + ":list", member, null);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).doesNotContain("9000");
        assertThat(call("GET", "/api/" + salaries + ":get?filterByTk=1", member, null).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
