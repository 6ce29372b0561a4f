package io.actionflow.dispatch;

import io.actionflow.triggers.TriggerType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which workflow types an action's button may run (mission.md, "The support matrix"): the one definition used by the
 * Bind workflows dialog, by saving a binding, by the dispatcher and by the HTTP API.
 *
 * <pre>
 *                          Pre-action  Post-action  Approval  Custom action
 * Submit / Save (create, update)  yes      yes         yes        no
 * Update record (update)          yes      yes         yes        no
 * Delete (destroy)                yes      no          no         no
 * Trigger workflow (trigger)      no       no          no         yes
 * </pre>
 * Collection events are never bound: they fire on any change.
 */
public final class SupportMatrix {

    private static final Map<Action, Set<TriggerType>> CELLS = new EnumMap<>(Action.class);

    static {
        CELLS.put(Action.CREATE, EnumSet.of(TriggerType.PRE_ACTION, TriggerType.POST_ACTION, TriggerType.APPROVAL));
        CELLS.put(Action.UPDATE, EnumSet.of(TriggerType.PRE_ACTION, TriggerType.POST_ACTION, TriggerType.APPROVAL));
        CELLS.put(Action.DESTROY, EnumSet.of(TriggerType.PRE_ACTION));
        CELLS.put(Action.TRIGGER, EnumSet.of(TriggerType.CUSTOM_ACTION));
    }

    private SupportMatrix() {
    }

    /** Whether a workflow of {@code type} may be bound to (and run by) a button or call performing {@code action}. */
    public static boolean supports(Action action, TriggerType type) {
        return CELLS.get(action).contains(type);
    }

    /** The workflow types {@code action} may run, in the matrix's column order. */
    public static Set<TriggerType> types(Action action) {
        return EnumSet.copyOf(CELLS.get(action));
    }
}
