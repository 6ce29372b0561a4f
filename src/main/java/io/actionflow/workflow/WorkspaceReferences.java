package io.actionflow.workflow;

import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserService;
import io.actionflow.workflow.engine.References;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The collections, fields and users node settings may name, as the workspace holds them now. */
@Component
class WorkspaceReferences implements References {

    private final CollectionService collections;
    private final UserService users;
    private final Roles roles;

    WorkspaceReferences(CollectionService collections, UserService users, Roles roles) {
        this.collections = collections;
        this.users = users;
        this.roles = roles;
    }

    @Override
    public Optional<Map<String, String>> fields(String collection) {
        return collections.find(collection).map(definition -> {
            var fields = new LinkedHashMap<String, String>();
            for (FieldDefinition field : definition.fields()) {
                fields.put(field.name(), field.type() == FieldType.MANY_TO_ONE && field.target() != null ? field.target() : "");
            }
            return fields;
        });
    }

    @Override
    public java.util.List<String> options(String collection, String field) {
        return collections.find(collection).flatMap(c -> c.field(field)).filter(f -> f.type() == FieldType.SINGLE_SELECT)
                .map(FieldDefinition::options).orElse(java.util.List.of());
    }

    @Override
    public boolean userExists(String username) {
        return users.findByUsername(username).isPresent();
    }

    @Override
    public boolean roleExists(String role) {
        return roles.exists(role);
    }
}
