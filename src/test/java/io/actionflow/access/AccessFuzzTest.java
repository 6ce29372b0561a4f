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
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member with a random grant, again and again, calling every record action over HTTP with random filters, sorts,
 * appends and {@code filterByTk[]} forms: every answer is checked against a model of the grant. Nothing readable
 * beyond it comes back, nothing beyond it changes, and what it allows works (issue 13).
 */
class AccessFuzzTest extends IntegrationTest {

    static final int GRANTS = 40;
    static final int CALLS_PER_GRANT = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("name", "secret", "level", "owner", "tag");

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    Permissions permissions;

    @Autowired
    Roles roles;

    @Autowired
    UserService users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    WorkflowService workflows;

    private final HttpClient http = HttpClient.newHttpClient();
    private String things;
    private String log;
    private String role;
    private long me;
    private String escalate;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void every_answer_stays_within_a_random_grant() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String tags = "tags_" + s;
        things = "things_" + s;
        log = "log_" + s;
        collections.create(new CollectionDraft(tags, "Tags", null, "label"));
        collections.addField(tags, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
        collections.create(new CollectionDraft(things, "Things", null, "name"));
        collections.addField(things, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(things, FieldDraft.of("secret", FieldType.TEXT, FieldSettings.titled("Secret")));
        collections.addField(things, FieldDraft.of("level", FieldType.INTEGER, FieldSettings.titled("Level")));
        collections.addField(things, FieldDraft.relation("owner", "users", null, FieldSettings.titled("Owner")));
        collections.addField(things, FieldDraft.relation("tag", tags, null, FieldSettings.titled("Tag")));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        role = roles.create("fuzz_" + s, "Fuzz").id();
        String username = "fuzzer" + s;
        me = users.create(new UserDraft(username, "Fuzzer", null, "long-enough-1", Set.of(role))).id();
        String token = tokens.create(username, "fuzz").secret();
        long tag = records.create(tags, Map.of("label", "red")).id();
        permissions.save(role, tags, Grant.READ_ONLY);
        for (int i = 0; i < 12; i++) {
            records.create(things, Map.of("name", "thing " + i, "secret", "s" + i, "level", i, "tag", tag), i % 3 == 0 ? me : null);
        }
        var custom = workflows.create(new WorkflowDraft("Escalate " + s, null, TriggerType.CUSTOM_ACTION,
                Map.of("collection", things, "contextType", "single"), true, 0));
        workflows.updateGraph(custom.id(), new WorkflowGraph(List.of(NodeDef.of("note", "create",
                Map.of("collection", log, "values", Map.of("entry", "{{$context.data.id}}"))))));
        escalate = workflows.enable(custom.id()).key();

        var random = new Random(20261201L);
        var failures = new ArrayList<String>();
        int calls = 0;
        for (int g = 0; g < GRANTS; g++) {
            Grant grant = randomGrant(random);
            permissions.save(role, things, grant);
            for (int c = 0; c < CALLS_PER_GRANT; c++) {
                calls++;
                String failure = switch (random.nextInt(6)) {
                    case 0, 1 -> list(random, grant, token);
                    case 2 -> get(random, grant, token);
                    case 3 -> update(random, grant, token);
                    case 4 -> create(random, grant, token);
                    default -> random.nextBoolean() ? destroy(random, grant, token) : trigger(random, grant, token);
                };
                if (failure != null) {
                    failures.add("grant " + g + " " + grant + ": " + failure);
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(1000);
        assertThat(failures).as("answers beyond the grant").isEmpty();
    }

    // --- the calls, each checked against the model

    private String list(Random random, Grant grant, String token) throws Exception {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        String sort = FIELDS.get(random.nextInt(3));
        boolean appends = random.nextBoolean();
        String append = random.nextBoolean() ? "owner" : "tag";
        int threshold = random.nextInt(12);
        String filter = field.equals("level") || random.nextBoolean() ? "{\"level\": {\"$gte\": " + threshold + "}}"
                : "{\"" + field + "\": {\"$notEmpty\": true}}";
        String filterField = filter.contains("level") ? "level" : field;
        String path = "/api/" + things + ":list?pageSize=100&sort=" + (random.nextBoolean() ? "-" : "") + sort
                + "&filter=" + encode(filter) + (appends ? (random.nextBoolean() ? "&appends=" : "&appends[]=") + append : "");
        var answer = call("GET", path, token, null);
        int expected = !grant.view() ? 403
                : !grant.reads(filterField) || !grant.reads(sort) || appends && !grant.reads(append) ? 400 : 200;
        if (answer.statusCode() != expected) {
            return "GET " + path + " → " + answer.statusCode() + ", expected " + expected + ": " + answer.body();
        }
        if (expected != 200) {
            return null;
        }
        var expectedIds = new HashSet<Long>();
        for (StoredRecord r : all()) {
            boolean matches = filterField.equals("level") ? atLeast(r, threshold)
                    : r.get(filterField) != null && !"".equals(r.get(filterField));
            if (matches && inScope(grant.viewScope(), r)) {
                expectedIds.add(r.id());
            }
        }
        var body = JSON.readValue(answer.body(), Map.class);
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) body.get("data");
        var ids = new HashSet<Long>();
        for (Map<String, Object> row : rows) {
            ids.add(((Number) row.get("id")).longValue());
            String hidden = hiddenField(row, grant);
            if (hidden != null) {
                return "GET " + path + " shows " + hidden;
            }
            if (row.get("owner") instanceof Map<?, ?> account && (account.containsKey("email") || account.containsKey("username"))) {
                return "GET " + path + " shows an account's " + account.keySet();
            }
        }
        @SuppressWarnings("unchecked")
        long count = ((Number) ((Map<String, Object>) body.get("meta")).get("count")).longValue();
        return ids.equals(expectedIds) && count == expectedIds.size() ? null
                : "GET " + path + " gave " + ids + " (count " + count + "), the grant allows " + expectedIds;
    }

    private String get(Random random, Grant grant, String token) throws Exception {
        var target = pick(random);
        var answer = call("GET", "/api/" + things + ":get?filterByTk=" + target.id(), token, null);
        int expected = !grant.view() ? 403 : inScope(grant.viewScope(), target) ? 200 : 404;
        if (answer.statusCode() != expected) {
            return "get " + target.id() + " → " + answer.statusCode() + ", expected " + expected;
        }
        if (expected == 200) {
            @SuppressWarnings("unchecked")
            var data = (Map<String, Object>) JSON.readValue(answer.body(), Map.class).get("data");
            String hidden = hiddenField(data, grant);
            return hidden == null ? null : "get " + target.id() + " shows " + hidden;
        }
        return null;
    }

    private String update(Random random, Grant grant, String token) throws Exception {
        var targets = random.nextInt(3) == 0 ? List.of(pick(random), pick(random)) : List.of(pick(random));
        var ids = targets.stream().map(StoredRecord::id).distinct().toList();
        var values = randomValues(random);
        String path = "/api/" + things + ":update?" + (ids.size() > 1 || random.nextBoolean()
                ? String.join("&", ids.stream().map(id -> "filterByTk[]=" + id).toList()) : "filterByTk=" + ids.getFirst());
        var before = snapshot();
        var answer = call("POST", path, token, values);
        int expected = !grant.update() ? 403
                : values.keySet().stream().anyMatch(f -> !grant.writes(Act.UPDATE, f) || !grant.reads(f)) ? 403
                : ids.stream().anyMatch(id -> !reach(grant, Act.UPDATE, before.get(id))) ? 404 : 200;
        if (answer.statusCode() != expected) {
            return "update " + ids + " " + values + " → " + answer.statusCode() + ", expected " + expected + ": " + answer.body();
        }
        var after = snapshot();
        for (var entry : before.entrySet()) {
            var now = after.get(entry.getKey()).values();
            var expectedValues = new LinkedHashMap<>(entry.getValue().values());
            if (expected == 200 && ids.contains(entry.getKey())) {
                values.forEach((k, v) -> expectedValues.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            }
            if (!Objects.equals(now, expectedValues)) {
                return "update " + ids + " " + values + " (" + answer.statusCode() + ") left " + entry.getKey() + " as " + now;
            }
        }
        return null;
    }

    private String create(Random random, Grant grant, String token) throws Exception {
        var values = randomValues(random);
        long before = queries.count(things, Filter.all());
        var answer = call("POST", "/api/" + things + ":create", token, values);
        int expected = !grant.create() ? 403
                : values.keySet().stream().anyMatch(f -> !grant.writes(Act.CREATE, f) || !grant.reads(f)) ? 403 : 200;
        if (answer.statusCode() != expected) {
            return "create " + values + " → " + answer.statusCode() + ", expected " + expected + ": " + answer.body();
        }
        long now = queries.count(things, Filter.all());
        if (now != before + (expected == 200 ? 1 : 0)) {
            return "create " + values + " (" + answer.statusCode() + ") made " + (now - before) + " records";
        }
        if (expected == 200) {
            @SuppressWarnings("unchecked")
            var data = (Map<String, Object>) JSON.readValue(answer.body(), Map.class).get("data");
            if (!Objects.equals(queries.get(things, ((Number) data.get("id")).longValue()).orElseThrow().createdBy(), me)) {
                return "create " + values + " is not the caller's";
            }
            String hidden = hiddenField(data, grant);
            return hidden == null ? null : "create answers with " + hidden;
        }
        return null;
    }

    private String destroy(Random random, Grant grant, String token) throws Exception {
        var target = pick(random);
        long before = queries.count(things, Filter.all());
        var answer = call("POST", "/api/" + things + ":destroy?filterByTk=" + target.id(), token, null);
        int expected = !grant.delete() ? 403 : reach(grant, Act.DELETE, target) ? 200 : 404;
        if (answer.statusCode() != expected) {
            return "destroy " + target.id() + " → " + answer.statusCode() + ", expected " + expected + ": " + answer.body();
        }
        if (expected == 200) {
            // put it back, so that later calls have records to work on
            records.create(things, target.values().entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), target.createdBy());
        }
        return queries.count(things, Filter.all()) == before ? null : "destroy " + target.id() + " changed the count";
    }

    private String trigger(Random random, Grant grant, String token) throws Exception {
        var target = pick(random);
        long before = queries.count(log, Filter.all());
        var answer = call("POST", "/api/" + things + ":trigger/" + target.id() + "?triggerWorkflows=" + escalate, token, Map.of());
        int expected = !grant.trigger() ? 403 : inScope(grant.viewScope(), target) ? 200 : 404;
        if (answer.statusCode() != expected) {
            return "trigger " + target.id() + " → " + answer.statusCode() + ", expected " + expected + ": " + answer.body();
        }
        long now = queries.count(log, Filter.all());
        return now == before + (expected == 200 ? 1 : 0) ? null : "trigger " + target.id() + " ran " + (now - before) + " times";
    }

    // --- the model

    private Grant randomGrant(Random random) {
        return new Grant(random.nextInt(4) > 0, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                randomScope(random), randomScope(random), randomScope(random), randomFields(random), randomFields(random),
                randomFields(random));
    }

    private static Scope randomScope(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Scope.ALL;
            case 1 -> Scope.OWN;
            default -> new Scope.Where("{\"level\": {\"$gte\": " + random.nextInt(12) + "}}");
        };
    }

    private static Set<String> randomFields(Random random) {
        if (random.nextBoolean()) {
            return null;
        }
        var fields = new LinkedHashSet<String>();
        FIELDS.stream().filter(f -> random.nextBoolean()).forEach(fields::add);
        return fields;
    }

    private boolean inScope(Scope scope, StoredRecord record) {
        return switch (scope) {
            case Scope.All all -> true;
            case Scope.Own own -> Objects.equals(record.createdBy(), me);
            case Scope.Where where -> {
                yield atLeast(record, Long.parseLong(where.filter().replaceAll("\\D", "")));
            }
        };
    }

    /** As SQL compares: an empty level is at least nothing. */
    private static boolean atLeast(StoredRecord record, long threshold) {
        return record.get("level") instanceof Number level && level.longValue() >= threshold;
    }

    /** An update or delete reaches the records both its own scope and the view scope allow. */
    private boolean reach(Grant grant, Act act, StoredRecord record) {
        return record != null && inScope(grant.viewScope(), record) && inScope(grant.scope(act), record);
    }

    private static String hiddenField(Map<String, Object> row, Grant grant) {
        return FIELDS.stream().filter(f -> row.containsKey(f) && !grant.reads(f)).findFirst().orElse(null);
    }

    private static Map<String, Object> randomValues(Random random) {
        var values = new LinkedHashMap<String, Object>();
        if (random.nextBoolean()) {
            values.put("name", "n" + random.nextInt(100));
        }
        if (random.nextInt(3) == 0) {
            values.put("secret", "x" + random.nextInt(100));
        }
        if (random.nextInt(3) == 0) {
            values.put("level", random.nextInt(12));
        }
        if (values.isEmpty()) {
            values.put("name", "only");
        }
        return values;
    }

    private List<StoredRecord> all() {
        return queries.find(things, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 1000));
    }

    private Map<Long, StoredRecord> snapshot() {
        var byId = new LinkedHashMap<Long, StoredRecord>();
        all().forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    private StoredRecord pick(Random random) {
        var all = all();
        return all.get(random.nextInt(all.size()));
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
