package io.actionflow.access;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who acts, with which role: what a scope's variables ({@code $user.id}, {@code $role}) read. */
public record Actor(String username, Long userId, String role, String email, String nickname) {

    /** Nobody signed in: no role, so no right. */
    public static final Actor NOBODY = new Actor(null, null, null, null, null);

    public boolean admin() {
        return io.actionflow.platform.Role.ADMIN_ID.equals(role);
    }

    Map<String, Object> variables() {
        var user = new LinkedHashMap<String, Object>();
        user.put("id", userId);
        user.put("username", username);
        user.put("email", email);
        user.put("nickname", nickname);
        var variables = new LinkedHashMap<String, Object>();
        variables.put("$user", user);
        variables.put("$role", role);
        return variables;
    }
}
