package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.ApiTokens;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A purchase approval decided through the API: the approver lists their to-dos, approves one with a change to the
 * amount (saved as approved) and rejects another (never saved); a member who is not asked, and the submitter, are
 * refused and change nothing; a call without a task, for an unknown one, or returning without a comment is refused.
 * Each test has its purchases and its approver of its own: in the shared context other tests add admins, and the
 * demo's approval asks every admin (one rejection among several leaves it to the others).
 */
@WithMockUser(username = "admin", roles = "admin")
class ApprovalActionsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserService users;

    @Test
    void an_approver_decides_through_the_api_and_nobody_else_may() throws Exception {
        var on = purchases();
        String s = on.suffix();
        var api = new ApiClient(port);
        String approver = on.approver();
        String member = on.member();
        users.create(new UserDraft("bystander_" + s, "Bystander", null, "bystander-password-1", Set.of(Role.MEMBER_ID)));
        String bystander = tokens.create("bystander_" + s, "approvals").secret();

        String approved = "Chairs " + s;
        String rejected = "Yacht " + s;
        assertThat(api.post(on.create(), member, Map.of("title", approved, "amount", 700)).status()).isEqualTo(202);
        assertThat(api.post(on.create(), member, Map.of("title", rejected, "amount", 90000)).status()).isEqualTo(202);

        long task = task(api, approver, approved);
        var todo = api.get("/api/approvals:todos", approver).list().stream().filter(t -> approved.equals(purchase(t))).findFirst().orElseThrow();
        assertThat(todo).containsEntry("collection", on.collection()).containsEntry("submitter", "member")
                .containsEntry("status", "PENDING").containsEntry("step", "Manager approval");
        assertThat((String) todo.get("title")).endsWith(approved);
        assertThat(todo.get("editable")).isEqualTo(List.of("amount"));
        assertThat(api.get("/api/approvals:todos", bystander).list()).noneMatch(t -> approved.equals(purchase(t)));

        // only the approver may decide: not someone else, not the submitter
        var notAsked = api.post("/api/approvals:approve", bystander, Map.of("task", task));
        assertThat(notAsked.status()).isEqualTo(403);
        assertThat(notAsked.error()).isNotBlank();
        assertThat(api.post("/api/approvals:approve", member, Map.of("task", task)).status()).isEqualTo(403);
        assertThat(api.post("/api/approvals:approve", null, Map.of("task", task)).status()).isEqualTo(401);
        assertThat(titles(api, approver, on)).doesNotContain(approved);

        // calls that name no task, an unknown one, or return without a comment
        var noTask = api.post("/api/approvals:approve", approver, Map.of("comment", "fine"));
        assertThat(noTask.status()).isEqualTo(400);
        assertThat(noTask.errors().getFirst()).containsEntry("field", "task");
        assertThat(api.post("/api/approvals:approve", approver, Map.of("task", "one")).status()).isEqualTo(400);
        assertThat(api.post("/api/approvals:approve", approver, Map.of("task", task, "changes", "cheaper")).status()).isEqualTo(400);
        assertThat(api.post("/api/approvals:approve", approver, Map.of("task", 999_999_999)).status()).isEqualTo(404);
        var silent = api.post("/api/approvals:return", approver, Map.of("task", task));
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.errors().getFirst()).containsEntry("field", "comment");

        // the approver approves with a lower amount: the purchase is saved as approved
        var answer = api.post("/api/approvals:approve", approver, Map.of("task", task, "comment", "Fine", "changes", Map.of("amount", 650)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat((String) answer.data().get("title")).endsWith(approved);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> titles(api, approver, on).contains(approved));
        var saved = api.get("/api/" + on.collection() + ":list?pageSize=500", approver).list().stream()
                .filter(r -> approved.equals(r.get("title"))).findFirst().orElseThrow();
        assertThat(((Number) saved.get("amount")).intValue()).isEqualTo(650);
        assertThat(api.post("/api/approvals:approve", approver, Map.of("task", task)).status()).as("decided once").isEqualTo(400);
        String first = "/api/approvals:get?filterByTk=" + answer.data().get("approval");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(api.get(first, member).data().get("status")));

        // and rejects the other: it is never saved
        var no = api.post("/api/approvals:reject", approver, Map.of("task", task(api, approver, rejected), "comment", "No"));
        assertThat(no.status()).isEqualTo(200);
        String request = "/api/approvals:get?filterByTk=" + no.data().get("approval");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "REJECTED".equals(api.get(request, member).data().get("status")));
        assertThat(titles(api, approver, on)).doesNotContain(rejected);
        // a request is for its submitter, its approvers and admins to see
        assertThat(api.get(request, bystander).status()).isEqualTo(403);
        assertThat(api.get("/api/approvals:get?filterByTk=x", member).status()).isEqualTo(400);
    }

    @Test
    void two_decisions_sent_at_once_on_one_task_take_turns_and_the_second_is_refused() throws Exception {
        var on = purchases();
        var api = new ApiClient(port);
        var titles = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            titles.add("Race " + on.suffix() + " " + i);
            assertThat(api.post(on.create(), on.member(), Map.of("title", titles.getLast(), "amount", 900)).status())
                    .isEqualTo(202);
        }
        try (var clients = Executors.newFixedThreadPool(2)) {
            for (String title : titles) {
                long task = task(api, on.approver(), title);
                var both = new CountDownLatch(1);
                var approve = clients.submit(() -> {
                    both.await();
                    return api.post("/api/approvals:approve", on.approver(), Map.of("task", task));
                });
                var reject = clients.submit(() -> {
                    both.await();
                    return api.post("/api/approvals:reject", on.approver(), Map.of("task", task));
                });
                both.countDown();
                var approved = approve.get();
                var rejected = reject.get();
                // one decision, whichever came first; the other finds the task decided
                assertThat(List.of(approved.status(), rejected.status())).as(title).containsExactlyInAnyOrder(200, 400);
                var won = approved.status() == 200 ? approved : rejected;
                String request = "/api/approvals:get?filterByTk=" + won.data().get("approval");
                String expected = won == approved ? "APPROVED" : "REJECTED";
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(request, on.member()).data().get("status"),
                        status -> !"PENDING".equals(status) && !"SAVING".equals(status));
                assertThat(api.get(request, on.member()).data().get("status")).as(title).isEqualTo(expected);
            }
        }
    }

    @Test
    void a_long_to_do_list_is_read_in_as_many_statements_as_a_short_one() throws Exception {
        var on = purchases();
        var api = new ApiClient(port);
        String first = "Few " + on.suffix();
        assertThat(api.post(on.create(), on.member(), Map.of("title", first, "amount", 10)).status()).isEqualTo(202);
        task(api, on.approver(), first);
        var few = todosStatements(api, on.approver(), 1);

        String last = null;
        for (int i = 0; i < 24; i++) {
            last = "Many " + on.suffix() + " " + i;
            assertThat(api.post(on.create(), on.member(), Map.of("title", last, "amount", 10)).status()).isEqualTo(202);
        }
        task(api, on.approver(), last);
        var many = todosStatements(api, on.approver(), 25);

        // read two statements per task before: 51 for 25 tasks
        assertThat(many.size()).as("statements for 25 to-dos %s against 1 %s", many, few).isEqualTo(few.size());
    }

    /** Statements of a to-do list call (without cache refills), once the list has {@code expected} tasks. */
    private static List<String> todosStatements(ApiClient api, String token, int expected) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/approvals:todos", token).list().size() == expected);
        var counted = io.actionflow.Statements.during(() -> api.get("/api/approvals:todos", token));
        assertThat(counted.answer().list()).hasSize(expected);
        return counted.sent().stream().filter(sql -> !io.actionflow.Statements.refill(sql)).toList();
    }

    /** The approver's task for the request: its workflow asks them in the background, once the request is held. */
    private static long task(ApiClient api, String token, String title) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/approvals:todos", token).list().stream()
                .filter(t -> title.equals(purchase(t))).map(t -> ((Number) t.get("task")).longValue()).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** The title of the purchase a to-do asks about. */
    private static Object purchase(Map<String, Object> todo) {
        return ((Map<?, ?>) todo.get("data")).get("title");
    }

    private static List<Object> titles(ApiClient api, String token, Purchases on) throws Exception {
        return api.get("/api/" + on.collection() + ":list?pageSize=500", token).list().stream().map(r -> r.get("title")).toList();
    }

    /** A test's purchases: its collection, the member's and the approver's tokens. */
    private record Purchases(String suffix, String collection, String member, String approver) {
        String create() {
            return "/api/" + collection + ":create";
        }
    }

    /**
     * A collection of purchases whose every creation by a member waits for one approver of its own (the demo's
     * purchase approval, with a named approver instead of every admin).
     */
    private Purchases purchases() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        String collection = "buys_" + s;
        collections.create(new CollectionDraft(collection, "Buys " + s, null, "title"));
        collections.addField(collection, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title").withRequired(true)));
        collections.addField(collection, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        String approver = "approver_" + s;
        users.create(new UserDraft(approver, "Approver", null, "approver-password-1", Set.of(Role.MEMBER_ID)));
        var workflow = workflows.create(new WorkflowDraft("Approve buys " + s, null, TriggerType.APPROVAL,
                Map.of("collection", collection, "mode", "beforeSave", "global", true, "actions", List.of("create"),
                        "roles", List.of(Role.MEMBER_ID)), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(new NodeDef("manager", "approval", "Manager approval",
                Map.of("approvers", List.of(approver), "editableFields", List.of("amount")), Map.of()))));
        workflows.enable(workflow.id());
        return new Purchases(s, collection, tokens.create("member", "approvals " + s).secret(),
                tokens.create(approver, "approvals " + s).secret());
    }
}
