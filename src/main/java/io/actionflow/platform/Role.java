package io.actionflow.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles a user can hold. Their ids are what {@code @RolesAllowed} and the API's {@code X-Role} name. */
public enum Role {
    ADMIN, MEMBER;

    public static final String ADMIN_ID = "admin";
    public static final String MEMBER_ID = "member";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + id();
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
