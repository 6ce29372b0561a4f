package io.actionflow.collections.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.FieldError;
import com.vaadin.flow.data.binder.HasValidator;
import com.vaadin.flow.data.binder.ValueContext;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An input for one field: turns what the user entered into the value a form submits, and a stored value back into
 * what the input shows.
 */
public final class FieldEditor<V> {

    private final FieldDefinition field;
    private final HasValue<?, V> input;
    private final Function<V, Object> toSubmitted;
    private final BiFunction<Object, StoredRecord, V> fromStored;

    FieldEditor(FieldDefinition field, HasValue<?, V> input, Function<V, Object> toSubmitted,
            BiFunction<Object, StoredRecord, V> fromStored) {
        this.field = field;
        this.input = input;
        this.toSubmitted = toSubmitted;
        this.fromStored = fromStored;
    }

    public FieldDefinition field() {
        return field;
    }

    public Component component() {
        return (Component) input;
    }

    public HasValidation validation() {
        return (HasValidation) input;
    }

    /**
     * Why the input cannot be read, when it holds text its type cannot hold ({@code -5abc} in a number field): the
     * input then reports an empty value, which must not be submitted as if the user had left the field empty.
     */
    public Optional<FieldError> unreadable() {
        boolean parsed = switch (field.type()) {
            case INTEGER, DECIMAL, DATE, DATETIME -> true;
            default -> false;
        };
        if (!parsed || !(input instanceof HasValidator<V> validated)) {
            return Optional.empty();
        }
        var result = validated.getDefaultValidator().apply(input.getValue(), new ValueContext(component()));
        return result.isError() && input.isEmpty()
                ? Optional.of(FieldError.of(field.name(), "validation.type." + field.type().name().toLowerCase(Locale.ROOT)))
                : Optional.empty();
    }

    public Object submitted() {
        return input.isEmpty() ? null : toSubmitted.apply(input.getValue());
    }

    public void show(StoredRecord record) {
        Object stored = record == null ? null : record.get(field.name());
        V value = stored == null ? null : fromStored.apply(stored, record);
        if (value == null) {
            input.clear();
        } else {
            input.setValue(value);
        }
    }

    /** Empties the input, or puts the field's default value in it. */
    public void clear() {
        Object preset = field.typedDefault();
        V value = preset == null ? null : fromStored.apply(preset, null);
        if (value == null) {
            input.clear();
        } else {
            input.setValue(value);
        }
        validation().setInvalid(false);
    }

    public boolean isReadOnly() {
        return input.isReadOnly();
    }

    public void setReadOnly(boolean readOnly) {
        input.setReadOnly(readOnly);
    }
}
