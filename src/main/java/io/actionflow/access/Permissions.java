package io.actionflow.access;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FilterJson;
import io.actionflow.platform.CommittedCache;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permissions of every role, as admins set them on the Roles page: per collection, or for {@link #EVERY} other
 * collection at once. {@code admin} has every right, always; a role with no permission on a collection may do
 * nothing there.
 */
@Service
@Transactional
public class Permissions {

    /** The collection name of a role's permission on every collection that has none of its own. */
    public static final String EVERY = "*";

    private final PermissionRepository permissions;
    private final CollectionService collections;
    private final Roles roles;
    private final CommittedCache<String, Map<String, Grant>> cache;

    Permissions(PermissionRepository permissions, CollectionService collections, Roles roles, Clock clock,
            @Value("${actionflow.accounts.cache-ttl:750ms}") java.time.Duration ttl) {
        this.permissions = permissions;
        this.collections = collections;
        this.roles = roles;
        this.cache = new CommittedCache<>(ttl, clock, 1000);
    }

    /** What {@code role} may do on {@code collection}: its own permission there, else its permission on every collection. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Grant grant(String role, String collection) {
        if (Role.ADMIN_ID.equals(role)) {
            return Grant.FULL;
        }
        if (role == null) {
            return Grant.NONE;
        }
        var grants = cache.get(role, () -> byCollection(role));
        Grant own = grants.get(collection);
        return own != null ? own : grants.getOrDefault(EVERY, Grant.NONE);
    }

    /** The permission set for exactly this collection (or {@link #EVERY}), when there is one. */
    @Transactional(readOnly = true)
    public Optional<Grant> configured(String role, String collection) {
        return permissions.findByRoleAndCollection(role, collection).map(PermissionEntity::grant);
    }

    /** Every permission of a role, by collection ({@link #EVERY} among them when it is set). */
    @Transactional(readOnly = true)
    public Map<String, Grant> all(String role) {
        return byCollection(role);
    }

    /** Every permission of every role: role → collection → grant. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Grant>> everything() {
        var all = new LinkedHashMap<String, Map<String, Grant>>();
        for (PermissionEntity entity : permissions.findAllByOrderByRoleAscCollectionAsc()) {
            all.computeIfAbsent(entity.role(), r -> new LinkedHashMap<>()).put(entity.collection(), entity.grant());
        }
        return all;
    }

    /** Sets what a role may do on a collection (or on {@link #EVERY} collection); refused for {@code admin}. */
    @PreAuthorize("hasRole('admin')")
    public Grant save(String role, String collection, Grant grant) {
        check(role, collection, grant);
        cache.changing();
        var entity = permissions.findByRoleAndCollection(role, collection).orElseGet(() -> new PermissionEntity(role, collection));
        entity.apply(grant);
        return permissions.save(entity).grant();
    }

    /** Takes a collection's own permission away, so that the role's permission on every collection applies there. */
    @PreAuthorize("hasRole('admin')")
    public void reset(String role, String collection) {
        cache.changing();
        permissions.findByRoleAndCollection(role, collection).ifPresent(permissions::delete);
    }

    @EventListener
    void roleDeleted(Roles.RoleDeleted deleted) {
        cache.changing();
    }

    private Map<String, Grant> byCollection(String role) {
        var grants = new LinkedHashMap<String, Grant>();
        permissions.findByRole(role).forEach(p -> grants.put(p.collection(), p.grant()));
        return grants;
    }

    private void check(String role, String collection, Grant grant) {
        var errors = new ArrayList<FieldError>();
        if (!roles.exists(role)) {
            errors.add(FieldError.of("role", "role.notFound", role));
        } else if (Role.ADMIN_ID.equals(role)) {
            errors.add(FieldError.of("role", "permission.admin"));
        }
        CollectionDefinition definition = EVERY.equals(collection) ? null : collections.find(collection).orElse(null);
        if (!EVERY.equals(collection) && (definition == null || definition.builtIn())) {
            errors.add(FieldError.of("collection", "api.collection.unknown", collection));
        }
        ValidationException.throwIfAny(errors);
        if (definition != null) {
            var names = definition.fields().stream().map(FieldDefinition::name).toList();
            for (var entry : Map.of("readable", nullToEmpty(grant.readable()), "creatable", nullToEmpty(grant.creatable()),
                    "updatable", nullToEmpty(grant.updatable())).entrySet()) {
                entry.getValue().stream().filter(f -> !names.contains(f)).findFirst()
                        .ifPresent(f -> errors.add(FieldError.of(entry.getKey(), "api.field.unknown", f, definition.title())));
            }
        } else if (grant.readable() != null || grant.creatable() != null || grant.updatable() != null) {
            errors.add(FieldError.of("readable", "permission.every.fields"));
        }
        for (var entry : Map.of("viewScope", grant.viewScope(), "updateScope", grant.updateScope(), "deleteScope",
                grant.deleteScope()).entrySet()) {
            if (entry.getValue() instanceof Scope.Where where) {
                try {
                    var filter = FilterJson.of(Scopes.tree(where.filter(), Scopes.SAMPLE));
                    if (definition != null) {
                        Scopes.checkFields(definition, filter);
                    }
                } catch (ValidationException invalid) {
                    errors.add(FieldError.of(entry.getKey(), "permission.scope.invalid",
                            invalid.errors().getFirst().messageKey().equals("filter.field") ? invalid.errors().getFirst().args().getFirst()
                                    : where.filter()));
                }
            }
        }
        ValidationException.throwIfAny(errors);
    }

    private static Set<String> nullToEmpty(Set<String> fields) {
        return fields == null ? Set.of() : fields;
    }
}
