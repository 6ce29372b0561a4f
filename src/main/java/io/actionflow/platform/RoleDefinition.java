package io.actionflow.platform;

/** A role: its id (what everything refers to it by), its title for people, and where it is listed. */
public record RoleDefinition(String id, String title, int position) {

    public boolean builtIn() {
        return Role.isBuiltIn(id);
    }
}
