package io.actionflow.collections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
/**
 * A new field, or the new state of an existing one.
 *
 * @param target      for a many-to-one: the collection it points to ({@code users} for accounts)
 * @param inverseName for a many-to-one: the name of the one-to-many field to add on the target, or null for none
 */
public record FieldDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 63, message = "{validation.tooLong}") String name,
        @NotNull(message = "{validation.required}") FieldType type,
        @NotNull(message = "{validation.required}") @Valid FieldSettings settings,
        String target,
        @Size(max = 63, message = "{validation.tooLong}") String inverseName) {

    public static FieldDraft of(String name, FieldType type, FieldSettings settings) {
        return new FieldDraft(name, type, settings, null, null);
    }

    public static FieldDraft relation(String name, String target, String inverseName, FieldSettings settings) {
        return new FieldDraft(name, FieldType.MANY_TO_ONE, settings, target, inverseName);
    }
}
