package io.actionflow.access;

import java.util.Set;

/**
 * What one role may do on one collection: each action allowed or not, the records view, update and delete reach, and
 * the fields it may read and write on create and on update ({@code null}: every field).
 */
public record Grant(boolean view, boolean create, boolean update, boolean delete, boolean trigger,
        Scope viewScope, Scope updateScope, Scope deleteScope,
        Set<String> readable, Set<String> creatable, Set<String> updatable) {

    public static final Grant NONE = new Grant(false, false, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null);
    public static final Grant FULL = new Grant(true, true, true, true, true, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null);
    public static final Grant READ_ONLY = new Grant(true, false, false, false, false, Scope.ALL, Scope.ALL, Scope.ALL, null, null, null);

    public Grant {
        viewScope = viewScope == null ? Scope.ALL : viewScope;
        updateScope = updateScope == null ? Scope.ALL : updateScope;
        deleteScope = deleteScope == null ? Scope.ALL : deleteScope;
        readable = readable == null ? null : Set.copyOf(readable);
        creatable = creatable == null ? null : Set.copyOf(creatable);
        updatable = updatable == null ? null : Set.copyOf(updatable);
    }

    public boolean may(Act act) {
        return switch (act) {
            case VIEW -> view;
            case CREATE -> create;
            case UPDATE -> update;
            case DELETE -> delete;
            case TRIGGER -> trigger;
        };
    }

    /** The records an action reaches; a custom action reaches the records the role may view. */
    public Scope scope(Act act) {
        return switch (act) {
            case UPDATE -> updateScope;
            case DELETE -> deleteScope;
            default -> viewScope;
        };
    }

    public boolean reads(String field) {
        return readable == null || readable.contains(field);
    }

    /** Whether the role may set this field when it creates ({@link Act#CREATE}) or updates ({@link Act#UPDATE}). */
    public boolean writes(Act act, String field) {
        Set<String> allowed = act == Act.CREATE ? creatable : updatable;
        return allowed == null || allowed.contains(field);
    }
}
