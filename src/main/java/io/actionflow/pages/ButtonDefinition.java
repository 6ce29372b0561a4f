package io.actionflow.pages;

import java.util.List;
import java.util.Map;

/**
 * A button and what happens when it is clicked.
 *
 * @param label           what the button says; blank: the usual name of its kind, in the viewer’s language
 * @param presets         for Update record: field → the value it gets (as text, read like form input)
 * @param confirmText     when set, the user confirms this text before the action runs
 * @param successMessage  shown after success; null shows the kind's usual message
 * @param refreshBlockIds blocks of the page to reload after success (the button's own block always reloads)
 * @param goToPageId      a page to open after success, or null to stay
 */
public record ButtonDefinition(long id, long blockId, ButtonKind kind, ButtonPlacement placement, int position,
        String label, String icon, ButtonStyle style, String confirmText, String successMessage,
        List<Long> refreshBlockIds, boolean closeDialog, Long goToPageId, Map<String, String> presets,
        TriggerContext triggerContext, List<io.actionflow.dispatch.WorkflowBinding> bindings) {

    /** Where a custom action bound here gets its records: none, one, or the selected ones. */
    public io.actionflow.triggers.TriggerConfig.ContextType contextType() {
        if (placement != ButtonPlacement.TOOLBAR) {
            return io.actionflow.triggers.TriggerConfig.ContextType.SINGLE;
        }
        return triggerContext == TriggerContext.SELECTED ? io.actionflow.triggers.TriggerConfig.ContextType.MULTIPLE
                : io.actionflow.triggers.TriggerConfig.ContextType.NONE;
    }
}
