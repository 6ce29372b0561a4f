package io.actionflow.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** One role's permission on one collection ({@code *}: every collection without one of its own). */
@Entity
@Table(name = "af_permission")
class PermissionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String role;

    @Column(name = "collection_name", nullable = false, length = 64)
    private String collection;

    private boolean canView;
    private boolean canCreate;
    private boolean canUpdate;
    private boolean canDelete;
    private boolean canTrigger;

    @Column(length = 4000)
    private String viewScope;

    @Column(length = 4000)
    private String updateScope;

    @Column(length = 4000)
    private String deleteScope;

    @Column(length = 4000)
    private String readableFields;

    @Column(length = 4000)
    private String creatableFields;

    @Column(length = 4000)
    private String updatableFields;

    @Version
    private long version;

    protected PermissionEntity() {
    }

    PermissionEntity(String role, String collection) {
        this.role = role;
        this.collection = collection;
    }

    String role() {
        return role;
    }

    String collection() {
        return collection;
    }

    Grant grant() {
        return new Grant(canView, canCreate, canUpdate, canDelete, canTrigger, Scope.parse(viewScope),
                Scope.parse(updateScope), Scope.parse(deleteScope), fields(readableFields), fields(creatableFields),
                fields(updatableFields));
    }

    void apply(Grant grant) {
        canView = grant.view();
        canCreate = grant.create();
        canUpdate = grant.update();
        canDelete = grant.delete();
        canTrigger = grant.trigger();
        viewScope = stored(grant.viewScope());
        updateScope = stored(grant.updateScope());
        deleteScope = stored(grant.deleteScope());
        readableFields = stored(grant.readable());
        creatableFields = stored(grant.creatable());
        updatableFields = stored(grant.updatable());
    }

    private static String stored(Scope scope) {
        return scope instanceof Scope.All ? null : scope.stored();
    }

    /** Field names, one per line; null for every field. */
    private static String stored(Set<String> fields) {
        return fields == null ? null : String.join("\n", fields.stream().sorted().toList());
    }

    private static Set<String> fields(String stored) {
        if (stored == null) {
            return null;
        }
        var names = new LinkedHashSet<String>();
        Arrays.stream(stored.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }
}
