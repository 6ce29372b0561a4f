package io.actionflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
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
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The permission matrix (issue 13): for a collection with relations and a restricted field, every action under every
 * scope for roles of its own, through the dispatcher and through the reader; what is allowed, what is refused, what
 * comes back (fields, rows, counts), and that a refusal wrote nothing and ran no workflow. Subclasses choose the
 * database.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class AccessContract {

    @Autowired
    ActionDispatcher dispatcher;

    @Autowired
    Access access;

    @Autowired
    Permissions permissions;

    @Autowired
    Roles roles;

    @Autowired
    UserService users;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    WorkflowService workflows;

    String projects;
    String clients;
    String log;
    String viewer;
    String editor;
    String filterer;
    String nobody;
    String alice;
    String bob;
    long aliceId;
    long bobId;
    long p1;
    long p2;
    long p3;
    long acme;

    @BeforeEach
    void model() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        clients = "clients_" + s;
        projects = "projects_" + s;
        log = "log_" + s;
        collections.create(new CollectionDraft(clients, "Clients", null, "name"));
        collections.addField(clients, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.create(new CollectionDraft(projects, "Projects", null, null));
        collections.addField(projects, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        collections.addField(projects, FieldDraft.of("budget", FieldType.INTEGER, FieldSettings.titled("Budget")));
        collections.addField(projects, FieldDraft.relation("owner", "users", null, FieldSettings.titled("Owner")));
        collections.addField(projects, FieldDraft.relation("client", clients, null, FieldSettings.titled("Client")));
        collections.update(projects, new CollectionDraft(projects, "Projects", null, "name"));
        collections.create(new CollectionDraft(log, "Log", null, null));
        collections.addField(log, FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));

        viewer = roles.create("viewer_" + s, "Viewer").id();
        editor = roles.create("editor_" + s, "Editor").id();
        filterer = roles.create("filterer_" + s, "Filterer").id();
        nobody = roles.create("nobody_" + s, "Nobody").id();
        alice = "alice" + s;
        bob = "bob" + s;
        aliceId = users.create(new UserDraft(alice, "Alice " + s, alice + "@example.com", "long-enough-1",
                Set.of(viewer, editor, filterer, nobody))).id();
        bobId = users.create(new UserDraft(bob, "Bob " + s, bob + "@example.com", "long-enough-1", Set.of(editor))).id();

        // viewer: every record, but not the budget; editor: their own records, and only some fields; filterer: the
        // records they own, by a filter with their id; nobody: nothing
        permissions.save(viewer, projects, new Grant(true, false, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL,
                Set.of("name", "owner", "client"), null, null));
        permissions.save(editor, projects, new Grant(true, true, true, false, false, Scope.OWN, Scope.OWN, Scope.OWN,
                null, Set.of("name", "client"), Set.of("name")));
        permissions.save(editor, clients, Grant.READ_ONLY);
        permissions.save(filterer, projects, new Grant(true, false, true, true, true,
                new Scope.Where("{\"owner\": {\"$eq\": \"{{$user.id}}\"}}"), Scope.ALL, Scope.ALL, null, null, null));

        acme = records.create(clients, Map.of("name", "Acme")).id();
        p1 = created(dispatch(alice, editor, Action.CREATE, List.of(), Map.of("name", "Apollo", "client", acme)));
        p2 = created(dispatch(bob, editor, Action.CREATE, List.of(), Map.of("name", "Borealis")));
        p3 = records.create(projects, Map.of("name", "Castor", "budget", 3)).id();
        records.update(projects, p1, Map.of("budget", 1, "owner", aliceId));
        records.update(projects, p2, Map.of("budget", 2, "owner", bobId));

        // a global pre-action that notes every action it sees: a refused action must not reach it
        var note = workflows.create(new WorkflowDraft("Note " + s, null, TriggerType.PRE_ACTION,
                Map.of("collection", projects, "global", true, "actions", List.of("create", "update", "destroy")), true, 0));
        workflows.updateGraph(note.id(), new WorkflowGraph(List.of(NodeDef.of("note", "create",
                Map.of("collection", log, "values", Map.of("entry", "{{$context.action}}"))))));
        workflows.enable(note.id());
    }

    @Test
    void a_viewer_reads_every_record_without_the_restricted_field_and_may_change_nothing() {
        var reader = access.reader(access.actor(alice, viewer));
        var rows = reader.find(projects, all());
        assertThat(rows).extracting(StoredRecord::id).containsExactly(p1, p2, p3);
        assertThat(rows).allSatisfy(r -> assertThat(r.values()).doesNotContainKey("budget").containsKey("name"));
        assertThat(reader.count(projects, Filter.all())).isEqualTo(3);
        // the restricted field cannot be filtered or sorted on either, which would tell its values
        assertThatThrownBy(() -> reader.count(projects, Filter.where("budget", Filter.Operator.GT, 1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> reader.find(projects, new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("budget")), 0, 10)))
                .isInstanceOf(ValidationException.class);
        // a related record the role may not read shows no title, only that there is one it may not see; an account
        // shows only its name
        assertThat(rows.getFirst().hides("client")).isTrue();
        assertThat(rows.getFirst().relationTitles()).containsEntry("owner", "Alice " + alice.substring(5));
        assertThat(reader.get("users", aliceId).orElseThrow().values()).containsOnlyKeys("display_name");
        assertThat(reader.find(clients, all())).isEmpty();
        assertThat(reader.may(clients, Act.VIEW)).isFalse();

        long logged = logged();
        for (var attempt : List.of(
                dispatch(alice, viewer, Action.CREATE, List.of(), Map.of("name", "New")),
                dispatch(alice, viewer, Action.UPDATE, List.of(p1), Map.of("name", "Changed")),
                dispatch(alice, viewer, Action.DESTROY, List.of(p1), Map.of()),
                dispatch(alice, viewer, Action.TRIGGER, List.of(p1), Map.of()))) {
            assertThat(attempt).isInstanceOf(ActionResult.Forbidden.class);
        }
        assertThat(english(dispatch(alice, viewer, Action.UPDATE, List.of(p1), Map.of("name", "x"))))
                .isEqualTo("You may not change records of Projects.");
        assertUnchanged(logged);
    }

    @Test
    void an_editor_reaches_only_their_own_records_and_writes_only_their_fields() {
        var reader = access.reader(access.actor(alice, editor));
        assertThat(reader.find(projects, all())).extracting(StoredRecord::id).containsExactly(p1);
        assertThat(reader.count(projects, Filter.all())).isEqualTo(1);
        assertThat(reader.get(projects, p2)).isEmpty();
        assertThat(reader.find(projects, all()).getFirst().relationTitles()).containsEntry("client", "Acme");
        assertThat(reader.writes(projects, Act.CREATE, "budget")).isFalse();
        assertThat(reader.writes(projects, Act.UPDATE, "client")).isFalse();

        long logged = logged();
        // outside the scope: not found, whether it exists or not
        assertThat(dispatch(alice, editor, Action.UPDATE, List.of(p2), Map.of("name", "Mine now"))).isInstanceOf(ActionResult.NotFound.class);
        assertThat(dispatch(alice, editor, Action.UPDATE, List.of(p1, p2), Map.of("name", "Both"))).isInstanceOf(ActionResult.NotFound.class);
        // a field not theirs to write
        var budget = dispatch(alice, editor, Action.UPDATE, List.of(p1), Map.of("budget", 99));
        assertThat(budget).isInstanceOf(ActionResult.Forbidden.class);
        assertThat(english(budget)).isEqualTo("You may not set Budget of Projects.");
        assertThat(dispatch(alice, editor, Action.CREATE, List.of(), Map.of("name", "Rich", "budget", 5))).isInstanceOf(ActionResult.Forbidden.class);
        assertThat(dispatch(alice, editor, Action.DESTROY, List.of(p1), Map.of())).isInstanceOf(ActionResult.Forbidden.class);
        // a related record created on the way is a create in its collection, which the editor may only read
        assertThat(dispatch(alice, editor, Action.CREATE, List.of(), Map.of("name", "Nested", "client", Map.of("name", "Evil"))))
                .isInstanceOf(ActionResult.Forbidden.class);
        assertUnchanged(logged);

        // what is theirs works, and runs the workflow
        assertThat(dispatch(alice, editor, Action.UPDATE, List.of(p1), Map.of("name", "Apollo 2"))).isInstanceOf(ActionResult.Done.class);
        assertThat(queries.get(projects, p1).orElseThrow().values()).containsEntry("name", "Apollo 2").containsEntry("budget", 1L);
        assertThat(logged()).isEqualTo(logged + 1);
        long made = created(dispatch(alice, editor, Action.CREATE, List.of(), Map.of("name", "Vega")));
        assertThat(queries.get(projects, made).orElseThrow().createdBy()).isEqualTo(aliceId);
        assertThat(access.reader(access.actor(bob, editor)).find(projects, all())).extracting(StoredRecord::id).containsExactly(p2);
    }

    @Test
    void a_filter_scope_with_the_users_variables_narrows_reads_and_the_actions_that_use_it() {
        var reader = access.reader(access.actor(alice, filterer));
        assertThat(reader.find(projects, all())).extracting(StoredRecord::id).containsExactly(p1);
        assertThat(reader.count(projects, Filter.where("name", Filter.Operator.CONTAINS, "o"))).isEqualTo(1);
        long logged = logged();
        // update and delete reach all records, but only among those the role may view
        assertThat(dispatch(alice, filterer, Action.DESTROY, List.of(p3), Map.of())).isInstanceOf(ActionResult.NotFound.class);
        assertThat(dispatch(alice, filterer, Action.TRIGGER, List.of(p2), Map.of())).isInstanceOf(ActionResult.NotFound.class);
        assertUnchanged(logged);
        assertThat(dispatch(alice, filterer, Action.UPDATE, List.of(p1), Map.of("budget", 10))).isInstanceOf(ActionResult.Done.class);
    }

    @Test
    void a_role_without_a_permission_sees_and_does_nothing_and_admin_does_everything() {
        var reader = access.reader(access.actor(alice, nobody));
        assertThat(reader.may(projects, Act.VIEW)).isFalse();
        assertThat(reader.find(projects, all())).isEmpty();
        assertThat(reader.count(projects, Filter.all())).isZero();
        long logged = logged();
        assertThat(dispatch(alice, nobody, Action.CREATE, List.of(), Map.of("name", "x"))).isInstanceOf(ActionResult.Forbidden.class);
        assertUnchanged(logged);

        var admin = access.reader(access.actor("admin", Role.ADMIN_ID));
        assertThat(admin.find(projects, all())).hasSize(3).allSatisfy(r -> assertThat(r.values()).containsKey("budget"));
        assertThat(dispatch("admin", Role.ADMIN_ID, Action.DESTROY, List.of(p3), Map.of())).isInstanceOf(ActionResult.Done.class);
    }

    @Test
    void permissions_are_checked_when_saved_and_admin_cannot_be_narrowed() {
        assertThatThrownBy(() -> permissions.save(Role.ADMIN_ID, projects, Grant.NONE)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> permissions.save(viewer, projects, new Grant(true, false, false, false, false,
                new Scope.Where("{\"nope\": 1}"), Scope.ALL, Scope.ALL, null, null, null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> permissions.save(viewer, projects, new Grant(true, false, false, false, false,
                Scope.ALL, Scope.ALL, Scope.ALL, Set.of("missing"), null, null))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> roles.delete(Role.MEMBER_ID)).isInstanceOf(ValidationException.class);
        // a role some account holds alone cannot go; another can, and its permissions with it
        String temp = roles.create("temp_" + UUID.randomUUID().toString().substring(0, 6), "Temp").id();
        permissions.save(temp, projects, Grant.FULL);
        roles.delete(temp);
        assertThat(permissions.all(temp)).isEmpty();
        assertThat(access.reader(access.actor(alice, temp)).may(projects, Act.VIEW)).isFalse();
    }

    // --- helpers

    private ActionResult dispatch(String user, String role, Action action, List<Long> ids, Map<String, Object> values) {
        return dispatcher.dispatch(new ActionRequest(projects, action, ids, values, List.of(), user, role, ActionSource.API, null));
    }

    private static long created(ActionResult result) {
        assertThat(result).as("%s", result).isInstanceOf(ActionResult.Done.class);
        return ((ActionResult.Done) result).records().getFirst().id();
    }

    private static RecordQuery all() {
        return new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("id")), 0, 100);
    }

    private long logged() {
        return queries.count(log, Filter.all());
    }

    /** Nothing was written to the projects, and the workflow that notes every action never ran. */
    private void assertUnchanged(long logged) {
        assertThat(logged()).isEqualTo(logged);
        assertThat(queries.get(projects, p1).orElseThrow().values()).containsEntry("budget", 1L);
        assertThat(queries.count(projects, Filter.all())).isGreaterThanOrEqualTo(3);
    }

    private static String english(ActionResult result) {
        return result.messages().getFirst().format((key, args) -> io.actionflow.English.of(new io.actionflow.platform.Text(key, List.of(args))));
    }
}
