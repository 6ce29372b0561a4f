package io.actionflow.access.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.actionflow.access.Act;
import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one role may do on one collection: each action, the records view, update and delete reach (all, the user's
 * own, or a filter), and the fields it may read and write.
 */
final class PermissionDialog extends FormDialog {

    private static final String EXAMPLE = "{\"owner\": {\"$eq\": \"{{$user.id}}\"}}"; // i18n: not user-facing

    private final Permissions permissions;
    private final String role;
    private final String collection;
    private final Runnable onSaved;
    private final Map<Act, Checkbox> acts = new EnumMap<>(Act.class);
    private final Map<Act, Select<String>> scopes = new EnumMap<>(Act.class);
    private final Map<Act, TextArea> filters = new EnumMap<>(Act.class);
    private final MultiSelectComboBox<String> readable = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> creatable = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> updatable = new MultiSelectComboBox<>();

    PermissionDialog(Permissions permissions, CollectionService collections, String role, String collection, String title,
            Grant grant, Runnable onSaved) {
        super(null);
        this.permissions = permissions;
        this.role = role;
        this.collection = collection;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("roles.edit.title", title));
        CollectionDefinition definition = Permissions.EVERY.equals(collection) ? null : collections.require(collection);
        for (Act act : Act.values()) {
            var allowed = new Checkbox(getTranslation("roles.act." + act.key()), grant.may(act));
            allowed.getElement().setAttribute("data-act", act.key());
            acts.put(act, allowed);
            form.add(allowed);
            if (act == Act.VIEW || act == Act.UPDATE || act == Act.DELETE) {
                var scope = new Select<String>();
                scope.setLabel(getTranslation("roles.scope.of", getTranslation("roles.act." + act.key())));
                scope.setItems("all", "own", "filter");
                scope.setItemLabelGenerator(s -> getTranslation("roles.scope." + s));
                var filter = new TextArea(getTranslation("roles.filter"));
                filter.addClassName("af-code");
                filter.setPlaceholder(EXAMPLE);
                filter.setHelperText(getTranslation("roles.filter.help", "{{$user.id}}"));
                Scope current = grant.scope(act);
                scope.setValue(switch (current) {
                    case Scope.All all -> "all";
                    case Scope.Own own -> "own";
                    case Scope.Where where -> "filter";
                });
                filter.setValue(current instanceof Scope.Where where ? where.filter() : "");
                filter.setVisible(current instanceof Scope.Where);
                scope.addValueChangeListener(e -> filter.setVisible("filter".equals(e.getValue())));
                scope.setEnabled(allowed.getValue());
                allowed.addValueChangeListener(e -> scope.setEnabled(e.getValue()));
                scopes.put(act, scope);
                filters.put(act, filter);
                form.add(scope, filter);
            }
        }
        errors.bind("viewScope", filters.get(Act.VIEW)).bind("updateScope", filters.get(Act.UPDATE))
                .bind("deleteScope", filters.get(Act.DELETE));
        if (definition != null) {
            var names = definition.columnFields().stream().map(FieldDefinition::name).toList();
            fields(readable, "roles.fields.read", names, definition, grant.readable());
            fields(creatable, "roles.fields.create", names, definition, grant.creatable());
            fields(updatable, "roles.fields.update", names, definition, grant.updatable());
            errors.bind("readable", readable).bind("creatable", creatable).bind("updatable", updatable);
        } else {
            var every = new Span(getTranslation("roles.every.note"));
            every.addClassName("af-muted");
            form.add(every);
        }
    }

    private void fields(MultiSelectComboBox<String> box, String labelKey, List<String> names, CollectionDefinition definition,
            Set<String> chosen) {
        box.setLabel(getTranslation(labelKey));
        box.setHelperText(getTranslation("roles.fields.help"));
        box.setItems(names);
        box.setItemLabelGenerator(n -> definition.field(n).map(FieldDefinition::title).orElse(n));
        box.setValue(chosen == null ? Set.of() : chosen);
        box.setWidthFull();
        form.add(box);
    }

    @Override
    protected void save() {
        var errors = new java.util.ArrayList<FieldError>();
        Scope view = scope(Act.VIEW, "viewScope", errors);
        Scope update = scope(Act.UPDATE, "updateScope", errors);
        Scope delete = scope(Act.DELETE, "deleteScope", errors);
        ValidationException.throwIfAny(errors);
        var grant = new Grant(acts.get(Act.VIEW).getValue(), acts.get(Act.CREATE).getValue(), acts.get(Act.UPDATE).getValue(),
                acts.get(Act.DELETE).getValue(), acts.get(Act.TRIGGER).getValue(), view, update, delete,
                chosen(readable), chosen(creatable), chosen(updatable));
        permissions.save(role, collection, grant);
        Notices.success(getTranslation("roles.permission.saved"));
        onSaved.run();
    }

    private Scope scope(Act act, String field, List<FieldError> errors) {
        return switch (scopes.get(act).getValue()) {
            case "own" -> Scope.OWN;
            case "filter" -> {
                String filter = filters.get(act).getValue().strip();
                if (filter.isEmpty()) {
                    errors.add(FieldError.of(field, "validation.required"));
                }
                yield new Scope.Where(filter);
            }
            default -> Scope.ALL;
        };
    }

    /** No field chosen means every field. */
    private static Set<String> chosen(MultiSelectComboBox<String> box) {
        return box.getValue().isEmpty() ? null : new LinkedHashSet<>(box.getValue());
    }
}
