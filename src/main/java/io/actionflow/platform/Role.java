package io.actionflow.platform;

import java.util.regex.Pattern;

/**
 * Roles are data ({@link Roles}); a role is named by its id, the word {@code @RolesAllowed}, pages, triggers and the
 * API's {@code X-Role} use. Two always exist: {@code admin}, which has every right, and {@code member}.
 */
public final class Role {

    public static final String ADMIN_ID = "admin";
    public static final String MEMBER_ID = "member";

    /** What a role's id may look like: lower-case letters, digits and underscores, starting with a letter. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private Role() {
    }

    /** The authority Spring Security checks for a role. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }

    public static boolean isBuiltIn(String role) {
        return ADMIN_ID.equals(role) || MEMBER_ID.equals(role);
    }
}
