package io.actionflow.pages;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A new button, or the new settings of one (its kind and placement stay). */
public record ButtonDraft(ButtonKind kind, ButtonPlacement placement,
        @Size(max = 100, message = "{validation.tooLong}") String label, @Size(max = 64, message = "{validation.tooLong}") String icon, ButtonStyle style,
        @Size(max = 500, message = "{validation.tooLong}") String confirmText, @Size(max = 500, message = "{validation.tooLong}") String successMessage, List<Long> refreshBlockIds, boolean closeDialog, Long goToPageId,
        Map<String, String> presets, TriggerContext triggerContext) {

    public static ButtonDraft of(ButtonKind kind, ButtonPlacement placement, String label, ButtonStyle style) {
        return new ButtonDraft(kind, placement, label, null, style, null, null, List.of(), true, null, Map.of(), null);
    }
}
