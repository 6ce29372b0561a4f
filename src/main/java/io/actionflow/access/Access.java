package io.actionflow.access;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.Visibility;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.UserService;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may read and change what (architecture.md, "Next shape"). The dispatcher asks it
 * before any workflow runs; every read goes through a {@link Reader}, which narrows queries in SQL to the records and
 * fields the actor may see. {@code admin} may do everything; workflows run with full rights and do not ask. It opens
 * no transaction of its own: what it reads comes from caches, or from services and queries that open theirs.
 */
@Service
public class Access {

    /** The built-in accounts: others see only each account's name. */
    private static final String USERS = "users";
    private static final String USER_NAME = "display_name";

    private final Permissions permissions;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final UserService users;
    private final CurrentUser currentUser;
    private final NestedWrites nested;

    Access(Permissions permissions, CollectionService collections, RecordQueries queries, UserService users,
            CurrentUser currentUser) {
        this.permissions = permissions;
        this.collections = collections;
        this.queries = queries;
        this.users = users;
        this.currentUser = currentUser;
        this.nested = new NestedWrites(this, collections, queries);
    }

    /** The actor of a request: the account named, acting with {@code role}. */
    public Actor actor(String username, String role) {
        if (username == null) {
            return new Actor(null, null, role, null, null);
        }
        return users.account(username)
                .map(u -> new Actor(u.username(), u.id(), role, u.email(), u.displayName()))
                .orElse(new Actor(username, null, role, null, null));
    }

    /** Who is signed in now, with the role they act with. */
    public Actor current() {
        return currentUser.username().map(u -> actor(u, currentUser.actingRole().orElse(null))).orElse(Actor.NOBODY);
    }

    /** A reader for who is signed in now. */
    public Reader reader() {
        return new Reader(current());
    }

    public Reader reader(Actor actor) {
        return new Reader(actor);
    }

    public Grant grant(Actor actor, String collection) {
        return collections.find(collection).filter(CollectionDefinition::builtIn).isPresent() && !actor.admin()
                ? Grant.NONE : permissions.grant(actor.role(), collection);
    }

    /**
     * Why the actor may not {@code act} on these records of {@code collection}, setting these fields; empty when they
     * may. Records outside the action's scope (or outside what the actor may view) are refused as not found.
     */
    public Optional<Denial> check(Actor actor, String collection, Act act, Collection<Long> ids, Collection<String> fields) {
        if (actor.admin()) {
            return Optional.empty();
        }
        var definition = collections.find(collection).orElse(null);
        if (definition == null) {
            return Optional.empty();
        }
        Grant grant = grant(actor, collection);
        if (!grant.may(act)) {
            return Optional.of(new Denial(Denial.Kind.ACTION, collection, definition.title(), act, null, null));
        }
        if (act == Act.CREATE || act == Act.UPDATE) {
            for (String field : fields) {
                if (definition.field(field).isPresent() && (!grant.writes(act, field) || !grant.reads(field))) {
                    String title = definition.field(field).map(FieldDefinition::title).orElse(field);
                    return Optional.of(new Denial(Denial.Kind.FIELD, collection, definition.title(), act, title, null));
                }
            }
        }
        if (!ids.isEmpty() && act != Act.CREATE) {
            Filter reach = reach(actor, grant, act);
            if (!(reach instanceof Filter.All)) {
                var inScope = queries.find(collection, new RecordQuery(Filter.and(reach,
                        new Filter.Condition("id", Filter.Operator.IN, List.copyOf(ids))), List.of(), 0, ids.size())).stream()
                        .map(StoredRecord::id).toList();
                var outside = ids.stream().filter(id -> !inScope.contains(id)).findFirst();
                if (outside.isPresent()) {
                    return Optional.of(new Denial(Denial.Kind.NOT_FOUND, collection, definition.title(), act, null, outside.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Why the actor may not do what {@code reach} asks; empty when they may. */
    public Optional<Denial> check(Actor actor, Reach reach) {
        if (!reach.values().isEmpty() && (reach.act() == Act.CREATE || reach.act() == Act.UPDATE)) {
            return checkWrite(actor, reach.collection(), reach.act(), reach.ids(), reach.values());
        }
        return check(actor, reach.collection(), reach.act(), reach.ids(), reach.fields());
    }

    /**
     * Why the actor may not create ({@code ids} empty) or update these records with these typed values: the action and
     * the fields it sets, then what the values reach beyond the record (sub-table rows, objects created for to-one
     * relations, links to records of other collections; {@link NestedWrites}). Empty when they may.
     */
    public Optional<Denial> checkWrite(Actor actor, String collection, Act act, List<Long> ids, Map<String, ?> values) {
        var denial = check(actor, collection, act, ids, values.keySet());
        if (denial.isPresent() || actor.admin()) {
            return denial;
        }
        return nested.denial(actor, collection, values, act == Act.UPDATE ? ids : List.of(), 0);
    }

    /** The records an action reaches: those the actor may view, and of those, the ones the action's own scope allows. */
    private static Filter reach(Actor actor, Grant grant, Act act) {
        Filter view = Scopes.filter(grant.viewScope(), actor);
        if (act == Act.VIEW || act == Act.TRIGGER) {
            return view;
        }
        Filter own = Scopes.filter(grant.scope(act), actor);
        if (view instanceof Filter.All) {
            return own;
        }
        return own instanceof Filter.All ? view : Filter.and(view, own);
    }

    /**
     * Reads for one actor: only the records they may view, without the fields they may not read, counted and paged in
     * SQL; related records' titles only where they may see them; of the accounts, only names.
     */
    public final class Reader {

        private final Actor actor;
        private final Map<String, Filter> scopes = new HashMap<>();
        private final Visibility visibility;

        private Reader(Actor actor) {
            this.actor = actor;
            this.visibility = actor.admin() ? Visibility.ALL : new Visibility() {
                @Override
                public Filter records(String collection) {
                    return scope(collection);
                }

                @Override
                public boolean field(String collection, String field) {
                    return reads(collection, field);
                }
            };
        }

        public Actor actor() {
            return actor;
        }

        public Visibility visibility() {
            return visibility;
        }

        public boolean may(String collection, Act act) {
            return actor.admin() || grant(actor, collection).may(act);
        }

        public boolean reads(String collection, String field) {
            if (actor.admin()) {
                return true;
            }
            if (USERS.equals(collection)) {
                return USER_NAME.equals(field);
            }
            Grant grant = grant(actor, collection);
            return grant.view() && grant.reads(field);
        }

        public boolean writes(String collection, Act act, String field) {
            if (actor.admin()) {
                return true;
            }
            Grant grant = grant(actor, collection);
            return grant.may(act) && grant.writes(act, field) && grant.reads(field);
        }

        /** Why this actor may not do this now; empty when they may. */
        public Optional<Denial> check(String collection, Act act, Collection<Long> ids, Collection<String> fields) {
            return Access.this.check(actor, collection, act, ids, fields);
        }

        public List<StoredRecord> find(String collection, RecordQuery query) {
            return queries.find(collection, query, visibility).stream().map(r -> shown(collection, r)).toList();
        }

        public long count(String collection, Filter filter) {
            return queries.count(collection, filter, visibility);
        }

        /** The rows a one-to-many field of a record holds that this actor may see (none when they may not read them). */
        public List<StoredRecord> children(String collection, long id, String field) {
            String target = collections.require(collection).field(field).map(FieldDefinition::target).orElse(collection);
            if (!reads(collection, field)) {
                return List.of();
            }
            return queries.children(collection, id, field, visibility).stream().map(r -> shown(target, r)).toList();
        }

        public Optional<StoredRecord> get(String collection, long id) {
            return queries.get(collection, id, visibility).map(r -> shown(collection, r));
        }

        /** A record as this actor may see it: without the fields they may not read. */
        public StoredRecord shown(String collection, StoredRecord record) {
            if (actor.admin()) {
                return record;
            }
            var definition = collections.require(collection);
            var values = new LinkedHashMap<String, Object>();
            record.values().forEach((field, value) -> {
                if (reads(collection, field)) {
                    values.put(field, value);
                }
            });
            var titles = new LinkedHashMap<String, String>();
            record.relationTitles().forEach((field, title) -> {
                if (reads(collection, field)) {
                    titles.put(field, title);
                }
            });
            String title = definition.titleField() == null || reads(collection, definition.titleField()) ? record.title()
                    : "#" + record.id();
            return record.showing(java.util.Collections.unmodifiableMap(values), Map.copyOf(titles), title);
        }

        private Filter scope(String collection) {
            return scopes.computeIfAbsent(collection, c -> {
                if (USERS.equals(c)) {
                    return Filter.all();
                }
                Grant grant = grant(actor, c);
                return grant.view() ? Scopes.filter(grant.viewScope(), actor) : Filter.none();
            });
        }
    }
}
