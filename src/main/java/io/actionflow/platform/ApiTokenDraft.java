package io.actionflow.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A personal API token as its owner names it: where it is used. */
public record ApiTokenDraft(@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name) {
}
