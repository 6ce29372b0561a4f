package io.actionflow.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A role as an admin names it: its id (what everything refers to it by) and its title for people. */
public record RoleDraft(
        String id,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String title) {
}
