package io.actionflow.api;

import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The roles and permissions of a workspace document: exported with everything else, and imported as the rest is
 * (what exists is kept; importing twice creates nothing).
 */
@Component
class WorkspaceAccess {

    private static final String ROLE_ID = "[a-z][a-z0-9_]{0,31}";

    private final Roles roles;
    private final Permissions permissions;

    WorkspaceAccess(Roles roles, Permissions permissions) {
        this.roles = roles;
        this.permissions = permissions;
    }

    List<Map<String, Object>> exportRoles() {
        return roles.list().stream().map(r -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", r.id());
            json.put("title", r.title());
            return (Map<String, Object>) json;
        }).toList();
    }

    List<Map<String, Object>> exportPermissions() {
        var all = new ArrayList<Map<String, Object>>();
        permissions.everything().forEach((role, grants) -> grants.forEach((collection, grant) -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("role", role);
            json.put("collection", collection);
            json.put("view", grant.view());
            json.put("create", grant.create());
            json.put("update", grant.update());
            json.put("delete", grant.delete());
            json.put("trigger", grant.trigger());
            json.put("viewScope", grant.viewScope().stored());
            json.put("updateScope", grant.updateScope().stored());
            json.put("deleteScope", grant.deleteScope().stored());
            if (grant.readable() != null) {
                json.put("readable", grant.readable().stream().sorted().toList());
            }
            if (grant.creatable() != null) {
                json.put("creatable", grant.creatable().stream().sorted().toList());
            }
            if (grant.updatable() != null) {
                json.put("updatable", grant.updatable().stream().sorted().toList());
            }
            all.add(json);
        }));
        return all;
    }

    /** What is wrong with the document's roles and permissions; collections are those of the document and the workspace. */
    void check(List<Map<String, Object>> roleDocs, List<Map<String, Object>> permissionDocs, Set<String> collections,
            List<FieldError> problems) {
        var known = new LinkedHashSet<String>();
        roles.list().forEach(r -> known.add(r.id()));
        for (Map<String, Object> r : roleDocs) {
            if (!(r.get("id") instanceof String id) || !id.matches(ROLE_ID) || !(r.get("title") instanceof String title) || title.isBlank()) {
                problems.add(FieldError.of("roles", "workspace.role", String.valueOf(r.get("id"))));
            } else {
                known.add(id);
            }
        }
        for (Map<String, Object> p : permissionDocs) {
            boolean everyCollection = Permissions.EVERY.equals(p.get("collection"));
            if (!(p.get("role") instanceof String role) || !known.contains(role) || Role.ADMIN_ID.equals(role)
                    || !(p.get("collection") instanceof String collection) || !everyCollection && !collections.contains(collection)) {
                problems.add(FieldError.of("permissions", "workspace.permission", String.valueOf(p.get("role")),
                        String.valueOf(p.get("collection"))));
            }
        }
    }

    /** Creates the roles the workspace lacks; returns how many. */
    int importRoles(List<Map<String, Object>> roleDocs, List<String> kept) {
        int created = 0;
        for (Map<String, Object> r : roleDocs) {
            String id = (String) r.get("id");
            if (roles.exists(id)) {
                kept.add("role " + id);
            } else {
                roles.create(id, (String) r.get("title"));
                created++;
            }
        }
        return created;
    }

    /** Sets the permissions the workspace has none of for that role and collection; returns how many. */
    int importPermissions(List<Map<String, Object>> permissionDocs, List<String> kept) {
        int created = 0;
        for (Map<String, Object> p : permissionDocs) {
            String role = (String) p.get("role");
            String collection = (String) p.get("collection");
            if (permissions.configured(role, collection).isPresent()) {
                kept.add("permission " + role + " " + collection);
                continue;
            }
            permissions.save(role, collection, new Grant(yes(p.get("view")), yes(p.get("create")), yes(p.get("update")),
                    yes(p.get("delete")), yes(p.get("trigger")), scope(p.get("viewScope")), scope(p.get("updateScope")),
                    scope(p.get("deleteScope")), fields(p.get("readable")), fields(p.get("creatable")), fields(p.get("updatable"))));
            created++;
        }
        return created;
    }

    private static boolean yes(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static Scope scope(Object value) {
        return Scope.parse(value instanceof String text ? text : null);
    }

    private static Set<String> fields(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        var names = new LinkedHashSet<String>();
        list.forEach(v -> names.add(String.valueOf(v)));
        return names;
    }
}
