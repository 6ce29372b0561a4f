package io.actionflow.collections;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
/** A new collection, or the new title and description of an existing one. */
public record CollectionDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 48, message = "{validation.tooLong}") String name,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
        @Size(max = 2000, message = "{validation.tooLong}") String description,
        String titleField) {
}
