package io.actionflow.platform;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;

/** The editable details of an existing account; the username stays what it is. */
public record UserChanges(
        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}") String displayName,
        String email,
        Set<String> roles) {
}
