package io.actionflow.api;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonDraft;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.pages.TriggerContext;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Role;
import io.actionflow.platform.ValidationException;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole workspace as one JSON document: collections with their fields, workflows (their current versions, keys
 * kept) and pages with blocks, buttons and bindings (ids replaced by references inside the document). Importing checks
 * the whole document first and refuses it whole with the list of its problems; what exists already (a collection or
 * page by name, a workflow by key with the same content) is kept, so importing twice duplicates nothing.
 */
@Service
@PreAuthorize("hasRole('admin')")
class Workspace {

    static final String FORMAT = "actionflow-workspace";

    private final CollectionService collections;
    private final WorkflowService workflows;
    private final PageService pages;
    private final io.actionflow.platform.Roles roles;

    private final WorkspaceAccess access;

    Workspace(CollectionService collections, WorkflowService workflows, PageService pages, io.actionflow.platform.Roles roles,
            WorkspaceAccess access) {
        this.access = access;
        this.collections = collections;
        this.workflows = workflows;
        this.pages = pages;
        this.roles = roles;
    }

    // --- export

    @Transactional(readOnly = true)
    public Map<String, Object> export() {
        var document = new LinkedHashMap<String, Object>();
        document.put("format", FORMAT);
        document.put("version", 1);
        var all = collections.list().stream().filter(c -> !c.builtIn()).toList();
        document.put("collections", all.stream().map(c -> collection(c, all)).toList());
        document.put("workflows", workflows.list().stream().map(this::workflow).toList());
        var allPages = pages.list();
        document.put("pages", allPages.stream().map(p -> page(p, allPages)).toList());
        document.put("roles", access.exportRoles());
        document.put("permissions", access.exportPermissions());
        return document;
    }

    static Map<String, Object> collection(CollectionDefinition collection, List<CollectionDefinition> all) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", collection.name());
        json.put("title", collection.title());
        json.put("description", collection.description());
        json.put("titleField", collection.titleField());
        json.put("fields", collection.fields().stream().filter(f -> f.type() != FieldType.ONE_TO_MANY)
                .map(f -> field(collection, f, all)).toList());
        return json;
    }

    static Map<String, Object> field(CollectionDefinition owner, FieldDefinition field, List<CollectionDefinition> all) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", field.name());
        json.put("type", field.type().name().toLowerCase(Locale.ROOT));
        json.put("title", field.title());
        json.put("required", field.required());
        json.put("unique", field.unique());
        json.put("indexed", field.indexed());
        putIf(json, "defaultValue", field.defaultValue());
        putIf(json, "min", field.min());
        putIf(json, "max", field.max());
        putIf(json, "pattern", field.pattern());
        if (!field.options().isEmpty()) {
            json.put("options", field.options());
        }
        if (field.type() == FieldType.MANY_TO_ONE) {
            json.put("target", field.target());
            all.stream().filter(c -> c.name().equals(field.target())).flatMap(c -> c.fields().stream())
                    .filter(f -> f.type() == FieldType.ONE_TO_MANY && owner.name().equals(f.target()) && field.name().equals(f.inverseOf()))
                    .findFirst().ifPresent(inverse -> json.put("inverseName", inverse.name()));
        }
        return json;
    }

    /** A workflow as its own export has it (settings and nodes, key included), and whether it is enabled. */
    @SuppressWarnings("unchecked")
    Map<String, Object> workflow(WorkflowDefinition workflow) {
        var json = new LinkedHashMap<String, Object>((Map<String, Object>) ApiErrors.JSON.readValue(workflows.export(workflow.id()), Map.class));
        json.put("enabled", workflow.enabled());
        return json;
    }

    static Map<String, Object> page(PageDefinition page, List<PageDefinition> all) {
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", page.slug());
        json.put("title", page.title());
        putIf(json, "icon", page.icon());
        json.put("columns", page.columns());
        json.put("roles", page.roles().stream().sorted().toList());
        var blocks = new ArrayList<Map<String, Object>>();
        for (BlockDefinition block : page.blocks()) {
            var b = new LinkedHashMap<String, Object>();
            b.put("ref", "b" + block.id());
            b.put("type", block.type().name().toLowerCase(Locale.ROOT));
            b.put("collection", block.collection());
            putIf(b, "title", block.title());
            b.put("column", block.column());
            b.put("fields", block.fields());
            if (block.formMode() != null) {
                b.put("formMode", block.formMode().name().toLowerCase(Locale.ROOT));
            }
            b.put("pageSize", block.pageSize());
            if (block.sourceBlockId() != null) {
                b.put("sourceBlock", "b" + block.sourceBlockId());
            }
            var buttons = new ArrayList<Map<String, Object>>();
            for (ButtonDefinition button : block.buttons()) {
                var k = new LinkedHashMap<String, Object>();
                k.put("kind", button.kind().name().toLowerCase(Locale.ROOT));
                k.put("placement", button.placement().name().toLowerCase(Locale.ROOT));
                k.put("label", button.label());
                putIf(k, "icon", button.icon());
                k.put("style", button.style().name().toLowerCase(Locale.ROOT));
                putIf(k, "confirmText", button.confirmText());
                putIf(k, "successMessage", button.successMessage());
                if (!button.refreshBlockIds().isEmpty()) {
                    k.put("refreshBlocks", button.refreshBlockIds().stream().map(id -> "b" + id).toList());
                }
                k.put("closeDialog", button.closeDialog());
                if (button.goToPageId() != null) {
                    all.stream().filter(p -> p.id() == button.goToPageId()).findFirst().ifPresent(p -> k.put("goToPage", p.slug()));
                }
                if (!button.presets().isEmpty()) {
                    k.put("presets", button.presets());
                }
                if (button.triggerContext() != null) {
                    k.put("triggerContext", button.triggerContext().name().toLowerCase(Locale.ROOT));
                }
                var bindings = new ArrayList<Map<String, Object>>();
                for (WorkflowBinding binding : button.bindings()) {
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("workflowKey", binding.workflowKey());
                    putIf(entry, "associationPath", binding.associationPath());
                    bindings.add(entry);
                }
                k.put("bindings", bindings);
                buttons.add(k);
            }
            b.put("buttons", buttons);
            blocks.add(b);
        }
        json.put("blocks", blocks);
        return json;
    }

    // --- import

    /** What an import did: how many of each it created, and what it kept because it was there already. */
    record Imported(int collections, int fields, int workflows, int pages, int roles, int permissions, List<String> kept) {
    }

    /** Checks the whole document, then applies it; the problems refuse it whole, before anything is written. */
    @Transactional
    public Imported importDocument(Object document) {
        var doc = check(document);
        int createdCollections = 0;
        int createdFields = 0;
        int createdWorkflows = 0;
        int createdPages = 0;
        var kept = new ArrayList<String>();
        // collections first (without relations), then relations, so that they may point at each other
        for (Map<String, Object> c : doc.collections()) {
            String name = (String) c.get("name");
            if (collections.find(name).isEmpty()) {
                collections.create(new CollectionDraft(name, text(c.get("title"), name), text(c.get("description"), null), null));
                createdCollections++;
            } else {
                kept.add("collection " + name);
            }
        }
        for (Map<String, Object> c : doc.collections()) {
            String name = (String) c.get("name");
            var existing = collections.require(name);
            for (Map<String, Object> f : maps(c.get("fields"))) {
                if (existing.field((String) f.get("name")).isEmpty()) {
                    collections.addField(name, fieldDraft(f));
                    createdFields++;
                }
            }
            String titleField = text(c.get("titleField"), null);
            if (titleField != null && !Objects.equals(collections.require(name).titleField(), titleField)) {
                var now = collections.require(name);
                collections.update(name, new CollectionDraft(name, now.title(), now.description(), titleField));
            }
        }
        for (Map<String, Object> w : doc.workflows()) {
            String key = (String) w.get("key");
            if (doc.sameWorkflows().contains(key)) {
                kept.add("workflow " + key);
                continue;
            }
            var imported = workflows.importJson(ApiErrors.JSON.writeValueAsString(w));
            createdWorkflows++;
            if (Boolean.TRUE.equals(w.get("enabled"))) {
                workflows.enable(imported.id());
            }
        }
        // roles before the pages that name them; permissions once their collections exist
        int createdRoles = access.importRoles(doc.roles(), kept);
        int createdPermissions = access.importPermissions(doc.permissions(), kept);
        var slugs = new HashMap<String, Long>();
        pages.list().forEach(p -> slugs.put(p.slug(), p.id()));
        var pendingGoTo = new ArrayList<Object[]>();
        for (Map<String, Object> p : doc.pages()) {
            String slug = text(p.get("slug"), null);
            if (slug != null && doc.existingSlugs().contains(slug)) {
                kept.add("page " + slug);
                continue;
            }
            createdPages++;
            var roles = new LinkedHashSet<String>();
            strings(p.get("roles")).stream().filter(this.roles::exists).forEach(roles::add);
            var page = pages.create(new PageDraft(text(p.get("title"), slug), slug, text(p.get("icon"), null),
                    p.get("columns") instanceof Number n ? n.intValue() : 1, roles.isEmpty() ? Set.of(Role.MEMBER_ID, Role.ADMIN_ID) : roles));
            slugs.put(page.slug(), page.id());
            var blockIds = new HashMap<String, Long>();
            for (Map<String, Object> b : maps(p.get("blocks"))) {
                Long source = b.get("sourceBlock") == null ? null : blockIds.get(String.valueOf(b.get("sourceBlock")));
                page = pages.addBlock(page.id(), new BlockDraft(enumOf(BlockType.class, b.get("type")), text(b.get("collection"), null),
                        text(b.get("title"), null), b.get("column") instanceof Number n ? n.intValue() : 0, strings(b.get("fields")),
                        b.get("formMode") == null ? null : enumOf(FormMode.class, b.get("formMode")),
                        b.get("pageSize") instanceof Number n ? n.intValue() : 20, source));
                var known = blockIds.values();
                long pageId = page.id();
                var block = pages.list().stream().filter(x -> x.id() == pageId).findFirst().orElseThrow().blocks().stream()
                        .filter(x -> !known.contains(x.id())).max(java.util.Comparator.comparingLong(BlockDefinition::id)).orElseThrow();
                blockIds.put(String.valueOf(b.get("ref")), block.id());
                // the document's buttons replace the ones a new block starts with
                for (ButtonDefinition initial : block.buttons()) {
                    page = pages.removeButton(initial.id());
                }
                for (Map<String, Object> k : maps(b.get("buttons"))) {
                    page = pages.addButton(block.id(), buttonDraft(k, List.of(), null));
                    var button = page.block(block.id()).orElseThrow().buttons().getLast();
                    pendingGoTo.add(new Object[] {button.id(), k, blockIds});
                }
            }
        }
        // references to blocks and pages resolve once everything exists; then bindings (workflows exist by now)
        for (Object[] pending : pendingGoTo) {
            long buttonId = (Long) pending[0];
            @SuppressWarnings("unchecked")
            var k = (Map<String, Object>) pending[1];
            @SuppressWarnings("unchecked")
            var blockIds = (Map<String, Long>) pending[2];
            var refresh = strings(k.get("refreshBlocks")).stream().map(blockIds::get).filter(Objects::nonNull).toList();
            Long goTo = k.get("goToPage") == null ? null : slugs.get(String.valueOf(k.get("goToPage")));
            if (!refresh.isEmpty() || goTo != null) {
                pages.updateButton(buttonId, buttonDraft(k, refresh, goTo));
            }
            var bindings = maps(k.get("bindings")).stream().map(m -> new WorkflowBinding(String.valueOf(m.get("workflowKey")),
                    text(m.get("associationPath"), null))).toList();
            if (!bindings.isEmpty()) {
                pages.bind(buttonId, bindings);
            }
        }
        return new Imported(createdCollections, createdFields, createdWorkflows, createdPages, createdRoles, createdPermissions, kept);
    }

    /** The parts of a document, checked. */
    private record Checked(List<Map<String, Object>> collections, List<Map<String, Object>> workflows, List<Map<String, Object>> pages,
            Set<String> sameWorkflows, Set<String> existingSlugs, List<Map<String, Object>> roles,
            List<Map<String, Object>> permissions) {
    }

    private Checked check(Object document) {
        var problems = new ArrayList<FieldError>();
        if (!(document instanceof Map<?, ?> doc) || !FORMAT.equals(doc.get("format"))) {
            throw new ValidationException(FieldError.of("format", "workspace.format", FORMAT));
        }
        var cs = listOfMaps(doc.get("collections"), "collections", problems);
        var ws = listOfMaps(doc.get("workflows"), "workflows", problems);
        var ps = listOfMaps(doc.get("pages"), "pages", problems);
        var rs = doc.get("roles") == null ? List.<Map<String, Object>>of() : listOfMaps(doc.get("roles"), "roles", problems);
        var grants = doc.get("permissions") == null ? List.<Map<String, Object>>of()
                : listOfMaps(doc.get("permissions"), "permissions", problems);
        var names = new HashSet<String>();
        collections.list().forEach(c -> names.add(c.name()));
        var documentNames = new HashSet<String>();
        for (Map<String, Object> c : cs) {
            String name = text(c.get("name"), null);
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
                problems.add(FieldError.of("collections", "workspace.collection.name", String.valueOf(c.get("name"))));
                continue;
            }
            if (!documentNames.add(name)) {
                problems.add(FieldError.of("collections", "workspace.collection.twice", name));
            }
        }
        names.addAll(documentNames);
        for (Map<String, Object> c : cs) {
            for (Object f : c.get("fields") instanceof List<?> l ? l : List.of()) {
                if (!(f instanceof Map<?, ?> field) || !(field.get("name") instanceof String fieldName)) {
                    problems.add(FieldError.of("fields", "workspace.field.shape", String.valueOf(c.get("name"))));
                    continue;
                }
                FieldType type = enumOrNull(FieldType.class, field.get("type"));
                if (type == null || type == FieldType.ONE_TO_MANY) {
                    problems.add(FieldError.of("fields", "workspace.field.type", c.get("name") + "." + fieldName, String.valueOf(field.get("type"))));
                } else if (type == FieldType.MANY_TO_ONE && !names.contains(String.valueOf(field.get("target")))) {
                    problems.add(FieldError.of("fields", "workspace.field.target", c.get("name") + "." + fieldName, String.valueOf(field.get("target"))));
                }
            }
        }
        var keys = new HashSet<String>();
        var sameWorkflows = new HashSet<String>();
        var existing = new HashMap<String, WorkflowDefinition>();
        workflows.list().forEach(w -> {
            keys.add(w.key());
            existing.put(w.key(), w);
        });
        for (Map<String, Object> w : ws) {
            String key = text(w.get("key"), null);
            if (key == null || !key.matches("[A-Za-z0-9_-]{1,64}")) {
                problems.add(FieldError.of("workflows", "workspace.workflow.key", String.valueOf(w.get("key"))));
                continue;
            }
            keys.add(key);
            if (existing.containsKey(key) && same(workflow(existing.get(key)), w)) {
                // kept as it is: nothing of it is imported
                sameWorkflows.add(key);
                continue;
            }
            if (enumOrNull(TriggerType.class, w.get("triggerType")) == null) {
                problems.add(FieldError.of("workflows", "workspace.workflow.type", key, String.valueOf(w.get("triggerType"))));
            }
            if (w.get("triggerConfig") instanceof Map<?, ?> trigger && trigger.get("collection") instanceof String collection
                    && !names.contains(collection)) {
                problems.add(FieldError.of("workflows", "workspace.workflow.collection", key, collection));
            }
            if (!(w.getOrDefault("nodes", List.of()) instanceof List<?>)) {
                problems.add(FieldError.of("workflows", "workspace.workflow.nodes", key));
            }
        }
        var slugs = new HashSet<String>();
        pages.list().forEach(p -> slugs.add(p.slug()));
        for (Map<String, Object> p : ps) {
            String title = text(p.get("title"), null);
            if (title == null) {
                problems.add(FieldError.of("pages", "workspace.page.title"));
                continue;
            }
            if (p.get("slug") != null && slugs.contains(String.valueOf(p.get("slug")))) {
                // kept as it is
                continue;
            }
            for (Object b : p.get("blocks") instanceof List<?> l ? l : List.of()) {
                if (!(b instanceof Map<?, ?> block) || enumOrNull(BlockType.class, block.get("type")) == null
                        || !names.contains(String.valueOf(block.get("collection")))) {
                    problems.add(FieldError.of("pages", "workspace.block", title,
                            b instanceof Map<?, ?> m ? String.valueOf(m.get("collection")) : "?"));
                    continue;
                }
                for (Object k : block.get("buttons") instanceof List<?> l ? l : List.of()) {
                    if (!(k instanceof Map<?, ?> button) || enumOrNull(ButtonKind.class, button.get("kind")) == null
                            || enumOrNull(ButtonPlacement.class, button.get("placement")) == null) {
                        problems.add(FieldError.of("pages", "workspace.button", title));
                        continue;
                    }
                    for (Object binding : button.get("bindings") instanceof List<?> l ? l : List.of()) {
                        if (!(binding instanceof Map<?, ?> m) || !keys.contains(String.valueOf(m.get("workflowKey")))) {
                            problems.add(FieldError.of("pages", "workspace.binding", title,
                                    binding instanceof Map<?, ?> m ? String.valueOf(m.get("workflowKey")) : "?"));
                        }
                    }
                }
            }
        }
        access.check(rs, grants, names, problems);
        ValidationException.throwIfAny(problems);
        return new Checked(cs, ws, ps, sameWorkflows, slugs, rs, grants);
    }

    /** A field as the document describes it (name, type, title, settings, relation target). */
    static FieldDraft fieldDraft(Map<String, Object> f) {
        var settings = new FieldSettings(text(f.get("title"), (String) f.get("name")), Boolean.TRUE.equals(f.get("required")),
                Boolean.TRUE.equals(f.get("unique")), Boolean.TRUE.equals(f.get("indexed")), text(f.get("defaultValue"), null),
                decimal(f.get("min")), decimal(f.get("max")), text(f.get("pattern"), null), strings(f.get("options")));
        FieldType type = enumOf(FieldType.class, f.get("type"));
        return new FieldDraft((String) f.get("name"), type, settings, type == FieldType.MANY_TO_ONE ? text(f.get("target"), null) : null,
                type == FieldType.MANY_TO_ONE ? text(f.get("inverseName"), null) : null);
    }

    @SuppressWarnings("unchecked")
    private static ButtonDraft buttonDraft(Map<String, Object> k, List<Long> refresh, Long goTo) {
        Map<String, String> presets = new LinkedHashMap<>();
        if (k.get("presets") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> presets.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        }
        return new ButtonDraft(enumOf(ButtonKind.class, k.get("kind")), enumOf(ButtonPlacement.class, k.get("placement")),
                text(k.get("label"), null), text(k.get("icon"), null),
                k.get("style") == null ? ButtonStyle.DEFAULT : enumOf(ButtonStyle.class, k.get("style")), text(k.get("confirmText"), null),
                text(k.get("successMessage"), null), refresh, !Boolean.FALSE.equals(k.get("closeDialog")), goTo, presets,
                k.get("triggerContext") == null ? null : enumOf(TriggerContext.class, k.get("triggerContext")));
    }

    /** Whether a workflow in the document is the version there already (same settings and nodes). */
    private static boolean same(Map<String, Object> existing, Map<String, Object> incoming) {
        for (String part : List.of("title", "triggerType", "triggerConfig", "synchronous", "nodes")) {
            if (!Objects.equals(normal(existing.get(part)), normal(incoming.get(part)))) {
                return false;
            }
        }
        return true;
    }

    private static Object normal(Object value) {
        return value == null ? null : ApiErrors.JSON.readValue(ApiErrors.JSON.writeValueAsString(value), Object.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value, String part, List<FieldError> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof Map<?, ?>))) {
            problems.add(FieldError.of(part, "workspace.part", part));
            return List.of();
        }
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList()
                : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String text(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value == null ? null : new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        E found = enumOrNull(type, value);
        if (found == null) {
            throw new ValidationException(FieldError.of("document", "workspace.value", String.valueOf(value)));
        }
        return found;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void putIf(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
