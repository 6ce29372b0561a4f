package io.actionflow.pages;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;

/** A new page, or the new settings of one; a blank slug is made from the title. */
public record PageDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
        String slug,
        String icon,
        int columns,
        Set<String> roles) {
}
