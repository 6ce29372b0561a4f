package io.actionflow.api;

import io.actionflow.approval.ManualTask;
import io.actionflow.approval.ManualTasks;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's forms (Manual task nodes) through the API, as in My to-dos: {@code GET /api/forms:todos} lists
 * the open ones with their fields and values, {@code GET /api/forms:get?filterByTk=<id>} shows one;
 * {@code POST /api/forms:submit} and {@code POST /api/forms:save} (a draft) take {@code {"task": id, "values": {…}}}.
 * {@link ManualTasks} decides who may: only the person the form was asked of (another's form is not found).
 */
@RestController
@Hidden
class FormActions {

    private final ManualTasks forms;

    FormActions(ManualTasks forms) {
        this.forms = forms;
    }

    @GetMapping("/api/forms:todos")
    Map<String, Object> todos() {
        return Map.of("data", forms.mine().stream().map(FormActions::shown).toList());
    }

    @GetMapping("/api/forms:get")
    Map<String, Object> get(HttpServletRequest request) {
        return Map.of("data", shown(forms.get(ApiBodies.filterByTk(request, "api.form.id"))));
    }

    @PostMapping("/api/forms:submit")
    Map<String, Object> submit(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(request);
        return Map.of("data", shown(forms.submit(task(body), values(body))));
    }

    @PostMapping("/api/forms:save")
    Map<String, Object> save(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(request);
        return Map.of("data", shown(forms.saveDraft(task(body), values(body))));
    }

    private static long task(Map<String, Object> body) {
        return ApiBodies.id(body, "task", "api.form.task");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> body) {
        Object values = body.get("values");
        if (!(values instanceof Map<?, ?>)) {
            throw new ValidationException(FieldError.of("values", "api.form.values"));
        }
        return (Map<String, Object>) values;
    }

    private static Map<String, Object> shown(ManualTask task) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("task", task.id());
        shown.put("title", task.title());
        shown.put("description", task.description());
        shown.put("status", task.status().name());
        shown.put("fields", task.fields().stream().map(FormActions::field).toList());
        shown.put("values", task.values());
        shown.put("createdAt", task.createdAt());
        shown.put("dueAt", task.dueAt());
        shown.put("submittedAt", task.submittedAt());
        return shown;
    }

    private static Map<String, Object> field(FieldDefinition field) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("name", field.name());
        shown.put("title", field.title());
        shown.put("type", field.type().name().toLowerCase(Locale.ROOT));
        shown.put("required", field.required());
        if (!field.options().isEmpty()) {
            shown.put("options", field.options());
        }
        if (field.target() != null) {
            shown.put("target", field.target());
        }
        return shown;
    }
}
