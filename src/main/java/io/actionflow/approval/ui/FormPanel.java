package io.actionflow.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.actionflow.access.Access;
import io.actionflow.approval.ManualTask;
import io.actionflow.approval.ManualTasks;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.StoredRecord;
import io.actionflow.collections.ui.FieldEditor;
import io.actionflow.collections.ui.FieldEditors;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.FieldErrors;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Manual task's form in the to-do center: the fields the workflow asks for, starting with the values it gave (or the
 * person's draft), and Submit and Save draft. A form no longer open shows what was submitted, read only.
 */
final class FormPanel extends Div {

    private final List<FieldEditor<?>> editors = new ArrayList<>();
    private final FieldErrors errors = new FieldErrors(this);

    /** {@code done} runs after a submission or a refusal that means the form is gone (the list reads itself again). */
    FormPanel(ManualTasks forms, CollectionService collections, RecordQueries queries, Access access, ManualTask task, Runnable done) {
        addClassNames("af-request", "af-form-task");
        var heading = new H3(task.title());
        heading.addClassName("af-request-title");
        var status = new Span(getTranslation("manual.status." + task.status().name()));
        status.getElement().getThemeList().add("badge");
        status.getElement().getThemeList().add("pill");
        if (task.status() != ManualTask.Status.OPEN) {
            status.getElement().getThemeList().add(task.status() == ManualTask.Status.SUBMITTED ? "success" : "contrast");
        }
        status.addClassName("af-request-status");
        var header = new Div(heading, status);
        header.addClassName("af-request-header");
        var since = new Span(getTranslation("manual.form.since", Times.format(task.createdAt(), getLocale()))
                + (task.dueAt() == null ? "" : " · " + getTranslation("manual.form.due", Times.format(task.dueAt(), getLocale()))));
        since.addClassName("af-muted");
        add(header, since);
        if (task.description() != null) {
            var description = new Paragraph(task.description());
            description.addClassName("af-form-description");
            add(description);
        }
        var form = new FormLayout();
        form.addClassName("af-request-data");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var visibility = access.reader().visibility();
        var titles = new HashMap<String, String>();
        for (FieldDefinition field : task.fields()) {
            var target = field.type() == FieldType.MANY_TO_ONE ? collections.find(field.target()).orElse(null) : null;
            if (field.type() == FieldType.MANY_TO_ONE && task.values().get(field.name()) instanceof Number id && target != null) {
                access.reader().get(target.name(), id.longValue()).ifPresent(r -> titles.put(field.name(), r.title()));
            }
            FieldEditor<?> editor = FieldEditors.create(field, queries, target, visibility);
            editor.component().getElement().setAttribute("data-field", field.name());
            editors.add(editor);
            errors.bind(field.name(), editor.validation());
            form.add(editor.component());
        }
        // the values as the fields store them (JSON gives 450 where a decimal input wants 450 as a BigDecimal)
        var typed = new HashMap<String, Object>();
        task.fields().forEach(f -> typed.put(f.name(), f.typed(task.values().get(f.name()))));
        var shown = new StoredRecord(0, "", typed, titles, null, null, null);
        editors.forEach(e -> e.show(shown));
        add(form);
        if (task.status() != ManualTask.Status.OPEN) {
            editors.forEach(e -> e.setReadOnly(true));
            return;
        }
        var submit = button("manual.form.submit", values -> {
            forms.submit(task.id(), values);
            Notices.success(getTranslation("manual.form.submitted", task.title()));
            done.run();
        }, done, ButtonVariant.LUMO_PRIMARY);
        var save = button("manual.form.save", values -> {
            forms.saveDraft(task.id(), values);
            Notices.success(getTranslation("manual.form.saved"));
        }, done, ButtonVariant.LUMO_TERTIARY);
        var row = new Div(submit, save);
        row.addClassName("af-request-actions");
        add(row);
    }

    /** A button that reads the form and hands it to {@code work} once per click; refusals are shown on the fields. */
    private Button button(String labelKey, Consumer<Map<String, Object>> work, Runnable gone, ButtonVariant variant) {
        var button = new Button(getTranslation(labelKey));
        button.addThemeVariants(variant);
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            try {
                errors.clear();
                var unreadable = editors.stream().flatMap(ed -> ed.unreadable().stream()).toList();
                if (!unreadable.isEmpty()) {
                    throw new ValidationException(unreadable);
                }
                work.accept(values());
            } catch (ValidationException refused) {
                var onFields = refused.errors().stream().filter(f -> !"task".equals(f.field())).toList();
                if (onFields.size() < refused.errors().size()) {
                    FieldError first = refused.errors().stream().filter(f -> "task".equals(f.field())).findFirst().orElseThrow();
                    Notices.error(getTranslation(first.messageKey(), first.args().toArray()));
                    gone.run();
                } else {
                    errors.show(refused);
                }
            } catch (NotFoundException missing) {
                Notices.error(getTranslation("manual.task.gone"));
                gone.run();
            } finally {
                button.setEnabled(true);
            }
        });
        return button;
    }

    private Map<String, Object> values() {
        var values = new LinkedHashMap<String, Object>();
        editors.forEach(e -> values.put(e.field().name(), e.submitted()));
        return values;
    }
}
