package io.actionflow.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role by its id ({@code admin}, {@code member}), the same word users and the API see. */
@Converter(autoApply = true)
class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.id();
    }

    @Override
    public Role convertToEntityAttribute(String id) {
        return id == null ? null : Role.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown role in database: " + id));
    }
}
