package io.actionflow.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import io.actionflow.triggers.TriggerType;
import java.util.Map;

/** The settings of a workflow an admin chooses: what it is called, what triggers it, and whether it runs synchronously. */
public record WorkflowDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
        @Size(max = 2000, message = "{validation.tooLong}") String description,
        @NotNull(message = "{validation.required}") TriggerType triggerType,
        Map<String, Object> triggerConfig,
        boolean synchronous,
        @Min(value = 0, message = "{validation.min}") @Max(value = 10, message = "{validation.max}") int retries) {
}
