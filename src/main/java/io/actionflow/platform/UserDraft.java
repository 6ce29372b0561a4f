package io.actionflow.platform;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;

/** A new account as an admin fills it in. */
public record UserDraft(
        String username,
        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}") String displayName,
        String email,
        String password,
        Set<String> roles) {
}
