package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.Statements;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ApiTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The statements a W1 call sends (issue 16), counted at the data source so that they cannot creep back: a plain
 * create, a create with a synchronous post-action of two nodes, and one with an asynchronous post-action. Each count
 * is taken on a warm instance (definitions, accounts and tokens already read) and names what the statements are.
 */
@WithMockUser(username = "admin", roles = "admin")
class StatementsPerCallTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    ApiTokens tokens;

    @Test
    void a_w1_call_sends_no_more_statements_than_it_needs() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String posts = "posts_" + s;
        collections.create(new CollectionDraft(posts, "Posts", null, null));
        collections.addField(posts, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title")));
        collections.addField(posts, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        var api = new ApiClient(port);
        String token = tokens.create("admin", "statements " + s).secret();
        String sync = workflow(api, token, posts, true);
        String async = workflow(api, token, posts, false);
        String create = "/api/" + posts + ":create";
        var body = Map.of("title", "bench", "amount", 42);

        var plain = count(api, create, token, body);
        var withSync = count(api, create + "?triggerWorkflows=" + sync, token, body);
        var withAsync = count(api, create + "?triggerWorkflows=" + async, token, body);

        // the insert that returns its id (the answer is made from what was written)
        assertThat(plain).containsExactly("insert rec_posts");
        // + the post read and locked, its update, the execution and its jobs (one statement for all jobs)
        assertThat(withSync).containsExactly("insert rec_posts", "select rec_posts", "update rec_posts", "insert af_execution",
                "insert af_job");
        // + the queued execution and the scheduler's task (new, so not looked for first)
        assertThat(withAsync).containsExactly("insert rec_posts", "insert af_execution", "insert scheduled_tasks");
    }

    /**
     * Calls twice: the first warms what is cached; the second is counted, as the kind of statement and its table,
     * without the reads that refill a cache whose entries have just expired (each at most once per cache).
     */
    private static List<String> count(ApiClient api, String path, String token, Object body) throws Exception {
        assertThat(api.post(path, token, body).status()).isEqualTo(200);
        var counted = Statements.during(() -> api.post(path, token, body));
        assertThat(counted.answer().status()).isEqualTo(200);
        System.out.println(path + ": " + counted.statements() + " statements, " + counted.connections() + " connections");
        var refilled = counted.sent().stream().filter(Statements::refill).count();
        // one transaction, the dispatcher's: what is cached (token, account, roles, permissions, definitions) is read
        // without one, and a cache refilled outside it takes a connection of its own
        assertThat(counted.connections()).as("connections taken from the pool").isBetween(1, 1 + (int) refilled);
        counted.sent().forEach(sql -> System.out.println("  " + sql));
        var refills = counted.sent().stream().filter(Statements::refill).toList();
        assertThat(refills.size()).as("cache refills %s", refills).isLessThanOrEqualTo(Statements.CACHED_TABLES.size());
        // an account, a token, a role list is read once when it is read at all: never once per use
        assertThat(refills.stream().map(StatementsPerCallTest::kind).distinct().count()).as("cache refills %s", refills)
                .isEqualTo(refills.stream().map(StatementsPerCallTest::kind).count());
        return counted.sent().stream().filter(sql -> !Statements.refill(sql)).map(StatementsPerCallTest::kind).toList();
    }

    /** {@code insert rec_posts}: what a statement does, and to which table (a record table without its suffix). */
    private static String kind(String sql) {
        var m = java.util.regex.Pattern.compile("^(?:select \\S+ from final table \\()?(insert) into \"?(\\w+)|^(select) .*? from \"?(\\w+)"
                + "|^(update) \"?(\\w+)|^(delete) from \"?(\\w+)").matcher(sql);
        if (!m.find()) {
            return sql;
        }
        for (int i = 1; i < m.groupCount(); i += 2) {
            if (m.group(i) != null) {
                return m.group(i) + " " + m.group(i + 1).replaceAll("^(rec_\\w+?)_[0-9a-f]{8}$", "$1");
            }
        }
        return sql;
    }

    private static String workflow(ApiClient api, String token, String posts, boolean synchronous) throws Exception {
        var answer = api.post("/api/workflows:create", token, Map.of(
                "title", (synchronous ? "Mark " : "Mark later ") + posts, "triggerType", "POST_ACTION",
                "triggerConfig", Map.of("collection", posts), "synchronous", synchronous, "enabled", true,
                "nodes", List.of(
                        Map.of("key", "big", "type", "condition", "config", Map.of("expression", "{{$context.data.amount}} > 10",
                                "mode", "continue")),
                        Map.of("key", "mark", "type", "update", "config", Map.of("collection", posts,
                                "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                                "values", Map.of("title", "processed"))))));
        assertThat(answer.status()).isEqualTo(200);
        return (String) answer.data().get("key");
    }
}
