package io.actionflow.api;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.PageService;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.Webhooks;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin resources in the same {@code resource:action} style: collections and their fields, pages, workflows with their
 * nodes, the workflows bound to a button, and the whole workspace as one document to export and import. Admins only.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
@PreAuthorize("hasRole('admin')")
class AdminResources {

    private final CollectionService collections;
    private final PageService pages;
    private final WorkflowService workflows;
    private final Workspace workspace;
    private final Webhooks webhooks;

    AdminResources(CollectionService collections, PageService pages, WorkflowService workflows, Workspace workspace,
            Webhooks webhooks) {
        this.webhooks = webhooks;
        this.collections = collections;
        this.pages = pages;
        this.workflows = workflows;
        this.workspace = workspace;
    }

    // --- collections and fields

    @GetMapping("/api/collections:list")
    Map<String, Object> listCollections() {
        var all = collections.list().stream().filter(c -> !c.builtIn()).toList();
        return Map.of("data", all.stream().map(c -> Workspace.collection(c, all)).toList());
    }

    @GetMapping("/api/collections:get")
    Map<String, Object> getCollection(HttpServletRequest request) {
        var collection = collections.find(required(request, "filterByTk"))
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.collection.unknown", request.getParameter("filterByTk")));
        return Map.of("data", Workspace.collection(collection, collections.list()));
    }

    /** A collection with its fields, as {@code collections:get} shows one; through the workspace import's checks. */
    @PostMapping("/api/collections:create")
    Map<String, Object> createCollection(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        if (body.get("name") instanceof String name && collections.find(name).isPresent()) {
            throw new ValidationException(FieldError.of("name", "name.taken", name));
        }
        workspace.importDocument(Map.of("format", Workspace.FORMAT, "collections", List.of(body)));
        return Map.of("data", Workspace.collection(collections.require(String.valueOf(body.get("name"))), collections.list()));
    }

    @PostMapping("/api/collections:update")
    Map<String, Object> updateCollection(HttpServletRequest request) throws IOException {
        String name = required(request, "filterByTk");
        var body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        var now = collections.require(name);
        collections.update(name, new CollectionDraft(name, text(body, "title", now.title()), text(body, "description", now.description()),
                text(body, "titleField", now.titleField())));
        return Map.of("data", Workspace.collection(collections.require(name), collections.list()));
    }

    @PostMapping("/api/collections:destroy")
    Map<String, Object> destroyCollection(HttpServletRequest request) {
        collections.delete(required(request, "filterByTk"));
        return data(null);
    }

    @PostMapping("/api/collections/{name}/{call}")
    Map<String, Object> fields(@PathVariable String name, @PathVariable String call, HttpServletRequest request) throws IOException {
        collections.require(name);
        switch (call) {
            case "fields:create" -> workspace.importDocument(Map.of("format", Workspace.FORMAT, "collections",
                    List.of(Map.of("name", name, "fields", List.of(ApiBodies.object(ApiBodies.read(request), request.getContentType()))))));
            case "fields:update" -> {
                String field = required(request, "filterByTk");
                var now = collections.require(name).field(field)
                        .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.field.unknown", field, name));
                // what the body leaves out stays as it is
                var merged = new LinkedHashMap<String, Object>(Workspace.field(collections.require(name), now, collections.list()));
                merged.putAll(ApiBodies.object(ApiBodies.read(request), request.getContentType()));
                merged.put("name", now.name());
                merged.put("type", now.type().name().toLowerCase(java.util.Locale.ROOT));
                collections.updateField(name, field, Workspace.fieldDraft(merged));
            }
            case "fields:destroy" -> collections.removeField(name, required(request, "filterByTk"));
            default -> throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.action.unknown", call);
        }
        return Map.of("data", Workspace.collection(collections.require(name), collections.list()));
    }

    // --- pages

    @GetMapping("/api/pages:list")
    Map<String, Object> listPages() {
        var all = pages.list();
        return data(all.stream().map(p -> Workspace.page(p, all)).toList());
    }

    @GetMapping("/api/pages:get")
    Map<String, Object> getPage(HttpServletRequest request) {
        var all = pages.list();
        String slug = required(request, "filterByTk");
        return data(all.stream().filter(p -> p.slug().equals(slug)).findFirst().map(p -> Workspace.page(p, all))
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.page.unknown", slug)));
    }

    /** A page with its blocks and buttons, as {@code pages:get} shows one. */
    @PostMapping("/api/pages:create")
    Map<String, Object> createPage(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        var before = pages.list().stream().map(p -> p.id()).toList();
        workspace.importDocument(Map.of("format", Workspace.FORMAT, "pages", List.of(body)));
        var all = pages.list();
        return data(all.stream().filter(p -> !before.contains(p.id())).findFirst().map(p -> Workspace.page(p, all)).orElse(null));
    }

    @PostMapping("/api/pages:destroy")
    Map<String, Object> destroyPage(HttpServletRequest request) {
        String slug = required(request, "filterByTk");
        var page = pages.list().stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.page.unknown", slug));
        pages.delete(page.id());
        return data(null);
    }

    // --- buttons and their bindings

    @GetMapping("/api/buttons:get")
    Map<String, Object> getButton(HttpServletRequest request) {
        long id = id(request);
        return data(bindingsOf(id));
    }

    /** {@code {"bindings": [{"workflowKey": …, "associationPath": …}]}}: the workflows the button runs, in order. */
    @PostMapping("/api/buttons:bind")
    Map<String, Object> bind(HttpServletRequest request) throws IOException {
        long id = id(request);
        var body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        var bindings = new ArrayList<WorkflowBinding>();
        var keys = workflows.list().stream().map(WorkflowDefinition::key).collect(java.util.stream.Collectors.toSet());
        if (!(body.getOrDefault("bindings", List.of()) instanceof List<?> list)) {
            throw new ValidationException(FieldError.of("bindings", "api.bindings.shape"));
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("workflowKey") instanceof String key)) {
                throw new ValidationException(FieldError.of("bindings", "api.bindings.shape"));
            }
            if (!keys.contains(key)) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.workflow.notFound", key);
            }
            bindings.add(new WorkflowBinding(key, map.get("associationPath") instanceof String path && !path.isBlank() ? path : null));
        }
        pages.bind(id, bindings);
        return data(bindingsOf(id));
    }

    private Map<String, Object> bindingsOf(long buttonId) {
        var button = pages.list().stream().flatMap(p -> p.blocks().stream()).flatMap(b -> b.buttons().stream())
                .filter(b -> b.id() == buttonId).findFirst()
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.button.unknown", buttonId));
        var json = new LinkedHashMap<String, Object>();
        json.put("id", button.id());
        json.put("label", button.label());
        json.put("kind", button.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("bindings", button.bindings());
        return json;
    }

    // --- workflows

    @GetMapping("/api/workflows:list")
    Map<String, Object> listWorkflows() {
        return data(workflows.list().stream().map(workspace::workflow).toList());
    }

    @GetMapping("/api/workflows:get")
    Map<String, Object> getWorkflow(HttpServletRequest request) {
        return data(workspace.workflow(workflow(required(request, "filterByTk"))));
    }

    /** A workflow as {@code workflows:get} shows one: a new workflow, or with a known key, a new version of it. */
    @PostMapping("/api/workflows:create")
    Map<String, Object> createWorkflow(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        var imported = workflows.importJson(ApiErrors.JSON.writeValueAsString(body), Boolean.TRUE.equals(body.get("enabled")));
        return data(workspace.workflow(imported));
    }

    @PostMapping("/api/workflows:enable")
    Map<String, Object> enable(HttpServletRequest request) {
        return data(workspace.workflow(workflows.enable(workflow(required(request, "filterByTk")).id())));
    }

    @PostMapping("/api/workflows:disable")
    Map<String, Object> disable(HttpServletRequest request) {
        return data(workspace.workflow(workflows.disable(workflow(required(request, "filterByTk")).id())));
    }

    /**
     * A new secret for a webhook workflow's hook (made on first call): the address to call and the secret, answered
     * this once; the old secret stops working.
     */
    @PostMapping("/api/workflows:webhookSecret")
    Map<String, Object> webhookSecret(HttpServletRequest request) {
        var workflow = workflow(required(request, "filterByTk"));
        if (workflow.triggerType() != TriggerType.WEBHOOK) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.workflow.notWebhook", workflow.title());
        }
        var hook = webhooks.renew(workflow.key());
        var answer = new java.util.LinkedHashMap<String, Object>();
        answer.put("url", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/webhooks/{hook}").buildAndExpand(hook.hookKey()).toUriString());
        answer.put("secret", hook.secret());
        return data(answer);
    }

    private WorkflowDefinition workflow(String key) {
        return workflows.list().stream().filter(w -> w.key().equals(key)).findFirst()
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.workflow.notFound", key));
    }

    // --- the whole workspace

    @GetMapping("/api/workspace:export")
    Map<String, Object> export() {
        return workspace.export();
    }

    @PostMapping("/api/workspace:import")
    ResponseEntity<Object> importWorkspace(HttpServletRequest request) throws IOException {
        Object document = ApiBodies.document(ApiBodies.read(request), request.getContentType());
        var imported = workspace.importDocument(document);
        var result = new LinkedHashMap<String, Object>();
        result.put("collections", imported.collections());
        result.put("fields", imported.fields());
        result.put("workflows", imported.workflows());
        result.put("pages", imported.pages());
        result.put("roles", imported.roles());
        result.put("permissions", imported.permissions());
        result.put("kept", imported.kept());
        return ResponseEntity.ok(Map.of("data", result));
    }

    private static Map<String, Object> data(Object value) {
        var body = new LinkedHashMap<String, Object>();
        body.put("data", value);
        return body;
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.parameter.missing", name);
        }
        return value.strip();
    }

    private static long id(HttpServletRequest request) {
        String text = required(request, "filterByTk");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.filterByTk.invalid", text);
        }
    }

    private static String text(Map<String, Object> body, String name, String fallback) {
        return body.containsKey(name) ? (body.get(name) == null ? null : String.valueOf(body.get(name))) : fallback;
    }
}
