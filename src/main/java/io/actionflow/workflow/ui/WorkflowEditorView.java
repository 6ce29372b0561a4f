package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.ui.RecordChoices;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import io.actionflow.platform.Slugs;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.JobView;
import io.actionflow.workflow.Webhooks;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeRegistry;
import io.actionflow.workflow.engine.WorkflowGraph;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One workflow version: its canvas (add, configure and delete nodes), its versions, enabling it, a test run against
 * a JSON context with each node's result on the canvas, and its execution history.
 */
@Route("admin/workflows")
@RolesAllowed(Role.ADMIN_ID)
class WorkflowEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final WorkflowService workflows;
    private final NodeRegistry registry;
    private final JsonMapper json;
    private final CollectionService collections;
    private final RecordQueries queries;
    private final H2 heading = new H2();
    private final Div badges = new Div();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Div canvasArea = new Div();
    private final Span resultNote = new Span();
    private final ExecutionHistory history;
    private final TabSheet tabs = new TabSheet();
    private WorkflowDefinition workflow;
    private Map<String, JobView> results = Map.of();

    private final Roles roles;
    private final Webhooks webhooks;

    WorkflowEditorView(WorkflowService workflows, NodeRegistry registry, JsonMapper json,
            CollectionService collections, RecordQueries queries,
            Roles roles, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.roles = roles;
        this.queries = queries;
        this.workflows = workflows;
        this.collections = collections;
        this.registry = registry;
        this.json = json;
        addClassName("af-page");
        setSizeFull();
        badges.addClassName("af-badges");
        var titles = new Div(heading, badges);
        titles.addClassName("af-page-heading");
        var header = new HorizontalLayout(titles, actions);
        header.setWidthFull();
        header.expand(titles);
        header.setAlignItems(Alignment.CENTER);
        header.addClassName("af-editor-header");
        actions.addClassName("af-editor-actions");

        resultNote.addClassName("af-muted");
        canvasArea.addClassName("af-canvas-area");
        history = new ExecutionHistory(workflows, e -> showExecution(e.id(), getTranslation("workflows.history.shown", e.id())));

        tabs.add(getTranslation("workflows.tab.canvas"), new Div(resultNote, zoomBar(), canvasArea));
        tabs.add(getTranslation("workflows.tab.history"), history);
        tabs.setSizeFull();
        add(header, tabs);
    }

    /** The canvas's zoom: smaller to see a wide workflow whole (on a phone), larger to read; the area pans by scrolling. */
    private double zoom = 1;

    private Component zoomBar() {
        var shown = new Span("100 %");
        shown.addClassName("af-zoom-value");
        var out = new Button(VaadinIcon.MINUS.create(), e -> zoomTo(zoom - 0.1, shown));
        var in = new Button(VaadinIcon.PLUS.create(), e -> zoomTo(zoom + 0.1, shown));
        var reset = new Button(getTranslation("workflows.zoom.reset"), e -> zoomTo(1, shown));
        out.setAriaLabel(getTranslation("workflows.zoom.out"));
        out.setTooltipText(getTranslation("workflows.zoom.out"));
        in.setAriaLabel(getTranslation("workflows.zoom.in"));
        in.setTooltipText(getTranslation("workflows.zoom.in"));
        for (Button button : List.of(out, in, reset)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        var bar = new Div(out, shown, in, reset);
        bar.addClassName("af-zoom-bar");
        return bar;
    }

    private void zoomTo(double wanted, Span shown) {
        zoom = Math.max(0.4, Math.min(1.5, Math.round(wanted * 10) / 10.0));
        canvasArea.getStyle().set("--af-zoom", String.valueOf(zoom));
        shown.setText(Math.round(zoom * 100) + " %");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(workflows.get(id), Map.of());
            // from the page of every execution: ?execution=<id> shows that run on the canvas
            event.getLocation().getQueryParameters().getSingleParameter("execution")
                    .filter(p -> p.matches("\\d{1,18}")).map(Long::parseLong).flatMap(workflows::execution)
                    .filter(execution -> execution.key().equals(workflow.key()))
                    .ifPresent(execution -> showExecution(execution.id(), getTranslation("workflows.history.shown", execution.id())));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return workflow == null ? getTranslation("workflows.pageTitle") : workflow.title();
    }

    private void show(WorkflowDefinition definition, Map<String, JobView> shownResults) {
        if (shownResults.isEmpty()) {
            // no run shown: no note about one (it stayed after a save, or on another address)
            resultNote.setText("");
        }
        workflow = definition;
        results = shownResults;
        heading.setText(definition.title());
        badges.removeAll();
        badges.add(badge(getTranslation("workflows.versionOf", definition.version()), "af-badge-muted"),
                badge(getTranslation(definition.triggerType().labelKey()), "af-badge-muted"),
                badge(getTranslation(definition.synchronous() ? "workflows.sync" : "workflows.async"), "af-badge-muted"),
                badge(getTranslation(definition.enabled() ? "workflows.enabled" : "workflows.disabled"),
                        definition.enabled() ? "af-badge-success" : "af-badge-warning"));
        actions.removeAll();
        var versions = new Select<WorkflowDefinition>();
        versions.setAriaLabel(getTranslation("workflows.versions"));
        var allVersions = workflows.versions(definition.key());
        versions.setItems(allVersions);
        versions.setItemLabelGenerator(v -> getTranslation("workflows.versionOf", v.version())
                + (v.current() ? " · " + getTranslation("workflows.current") : ""));
        versions.setValue(versions.getGenericDataView().getItems().filter(v -> v.id() == definition.id()).findFirst().orElse(null));
        versions.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(WorkflowEditorView.class, e.getValue().id()));
            }
        });
        var testRun = new Button(getTranslation("workflows.testRun"), VaadinIcon.PLAY.create(), e -> openTestRun());
        var toggle = new Button(getTranslation(definition.enabled() ? "workflows.disable" : "workflows.enable"), e -> toggle());
        toggle.addThemeVariants(definition.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        byte[] exported = workflows.export(definition.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String fileName = (Slugs.from(definition.title(), '-').isEmpty() ? "workflow" : Slugs.from(definition.title(), '-')) + "-v" + definition.version() + ".json";
        var export = new com.vaadin.flow.component.html.Anchor(com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(
                event -> new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(exported),
                        fileName, "application/json", exported.length)), "");
        var exportButton = new Button(getTranslation("workflows.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.addClassName("af-export");
        actions.add(versions, testRun, export, toggle);
        canvasArea.removeAll();
        Object collection = definition.triggerConfig().get("collection");
        String collectionTitle = collection == null ? null : collections.find(String.valueOf(collection))
                .map(CollectionDefinition::title).orElse(String.valueOf(collection));
        if (definition.triggerType() == TriggerType.SCHEDULE) {
            // a schedule's card says when it fires: "Daily at 08:00 · Europe/Amsterdam", "3 days before Due date"
            var definedOn = collection == null ? null : collections.find(String.valueOf(collection)).orElse(null);
            String when = ScheduleSummary.of(definition.triggerConfig(), definedOn, this::getTranslation, getLocale());
            collectionTitle = collectionTitle == null ? when : collectionTitle + " · " + when;
        }
        if (definition.triggerType() == TriggerType.WEBHOOK) {
            canvasArea.add(new WebhookPanel(webhooks, definition));
        }
        canvasArea.add(new Canvas(definition, collectionTitle, shownResults, true,
                new NodeSummary(collections, roles, this)::of, this::insert, this::open, this::editTrigger));
        history.show(definition, allVersions);
    }

    private Span badge(String text, String style) {
        var badge = new Span(text);
        badge.addClassNames("af-badge", style);
        return badge;
    }

    /**
     * The node types this workflow can hold: not those only for another trigger (Approval, Update submitted data,
     * Webhook response), nor those only for synchronous workflows in an asynchronous one (Response message); they
     * would be refused at Enable. The type of a node already there is always offered.
     */
    private java.util.List<String> offeredTypes(String current) {
        return registry.types().stream().filter(type -> type.equals(current) || registry.find(type)
                .map(executor -> (executor.onlyFor() == null || executor.onlyFor().equals(workflow.triggerType().name()))
                        && (!executor.synchronousOnly() || workflow.synchronous()))
                .orElse(false)).toList();
    }

    private void insert(Canvas.Slot slot) {
        String key = GraphEdits.freeKey(workflow.graph(), "node");
        var reach = Variables.reach(workflow.graph().chain(), slot.parentKey(), slot.branch(), slot.index());
        new NodeDialog(json, environment(reach), offeredTypes(null), null, key, null, true, node -> {
            String newKey = GraphEdits.freeKey(workflow.graph(), node.type());
            var graph = GraphEdits.insert(workflow.graph(), slot.parentKey(), slot.branch(), slot.index(),
                    new NodeDef(newKey, node.type(), node.title(), node.config(), node.branches()));
            save(graph, newKey);
        }, () -> { }).open();
    }

    private void open(NodeDef node) {
        new NodeDialog(json, environment(Variables.reachOf(workflow.graph().chain(), node.key())), offeredTypes(node.type()), node,
                node.key(), results.get(node.key()), true,
                changed -> save(GraphEdits.replace(workflow.graph(), changed), changed.key()),
                () -> save(GraphEdits.remove(workflow.graph(), node.key()), null)).open();
    }

    /** Saves the nodes; a version that has run stays as it was, and the change becomes a new version. */
    private void save(WorkflowGraph graph, String savedNode) {
        var saved = workflows.updateGraph(workflow.id(), graph, savedNode);
        if (saved.id() != workflow.id()) {
            Notices.success(newVersion(saved));
            getUI().ifPresent(ui -> ui.navigate(WorkflowEditorView.class, saved.id()));
        } else {
            show(saved, Map.of());
        }
    }

    /** A change to a version that has run made a new one: said so, and that the old one still runs while it is enabled. */
    private String newVersion(WorkflowDefinition saved) {
        String said = getTranslation("workflows.newVersion", saved.version(), workflow.version());
        return workflow.enabled() ? said + " " + getTranslation("workflows.newVersion.stillRuns", saved.version(), workflow.version()) : said;
    }

    /** What a node's form knows at its place: collections, roles, the trigger's collection, the variables there. */
    private NodeEnvironment environment(Variables.Reach reach) {
        return new NodeEnvironment(collections, roles, triggerCollection(),
                Variables.at(workflow, reach, collections, this::getTranslation));
    }

    private String triggerCollection() {
        Object collection = workflow.triggerConfig().get("collection");
        return collection == null ? null : String.valueOf(collection);
    }

    /** The trigger card opens the workflow's title and trigger settings. */
    private void editTrigger() {
        new WorkflowDialog(workflows, collections, roles, workflow, saved -> {
            if (saved.id() != workflow.id()) {
                Notices.success(newVersion(saved));
                getUI().ifPresent(ui -> ui.navigate(WorkflowEditorView.class, saved.id()));
            } else {
                show(saved, Map.of());
            }
        }).open();
    }

    private void toggle() {
        try {
            show(workflow.enabled() ? workflows.disable(workflow.id()) : workflows.enable(workflow.id()), results);
            Notices.success(getTranslation(workflow.enabled() ? "workflows.enabledNotice" : "workflows.disabledNotice", workflow.title()));
        } catch (ValidationException refused) {
            var dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("workflows.problems"));
            // each problem in words, with a way to the node it names (its key is the first argument)
            refused.errors().forEach(e -> {
                var line = new Div(new Span(getTranslation(e.messageKey(), e.args().toArray())));
                line.addClassName("af-problem");
                e.args().stream().findFirst().map(String::valueOf).flatMap(key -> workflow.graph().all().stream()
                        .filter(n -> n.key().equals(key)).findFirst()).ifPresent(node -> {
                            var go = new Button(getTranslation("workflows.problems.open", node.title() != null ? node.title() : node.key()), x -> {
                                dialog.close();
                                open(node);
                            });
                            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                            line.add(go);
                        });
                dialog.add(line);
            });
            dialog.getFooter().add(new Button(getTranslation("common.close"), x -> dialog.close()));
            dialog.addClassName("af-problems");
            dialog.open();
        }
    }

    private void openTestRun() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("workflows.testRun"));
        dialog.setWidth("min(640px, 95vw)");
        var context = new TextArea(getTranslation("workflows.testRun.context"));
        context.setHelperText(getTranslation("workflows.testRun.help"));
        context.setValue("{\n  \"data\": {}\n}");
        context.setWidthFull();
        context.addClassName("af-code");
        Object triggerCollection = workflow.triggerConfig().get("collection");
        var collection = triggerCollection == null ? null : collections.find(String.valueOf(triggerCollection)).orElse(null);
        if (collection != null) {
            // a record of the trigger's collection, as the context an action on it would give
            var record = RecordChoices.comboBox(queries, collection);
            record.setLabel(getTranslation("workflows.testRun.record", collection.title()));
            record.setWidthFull();
            record.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    queries.get(collection.name(), e.getValue().id()).ifPresent(found -> {
                        var data = new LinkedHashMap<String, Object>();
                        data.put("id", found.id());
                        data.putAll(found.values());
                        context.setValue(json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("data", data)));
                    });
                }
            });
            dialog.add(record);
        }
        dialog.add(context);
        var run = new Button(getTranslation("workflows.testRun.run"), VaadinIcon.PLAY.create(), e -> {
            Map<String, Object> parsed;
            try {
                Object value = json.readValue(context.getValue(), Object.class);
                parsed = new LinkedHashMap<>();
                if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> parsed.put(String.valueOf(k), v));
                }
            } catch (tools.jackson.core.JacksonException bad) {
                context.setInvalid(true);
                var at = bad.getLocation();
                context.setErrorMessage(getTranslation("workflows.node.settings.invalidAt",
                        at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr()));
                return;
            }
            var outcome = workflows.testRun(workflow.id(), parsed);
            dialog.close();
            showExecution(outcome.executionId(), getTranslation("workflows.testRun.done",
                    getTranslation("executionStatus." + outcome.status().name().toLowerCase(java.util.Locale.ROOT))));
            outcome.messages().forEach(Notices::success);
            if (outcome.error() != null) {
                Notices.error(Text.format(outcome.error(), this::getTranslation));
            }
        });
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), run);
        dialog.open();
    }

    private void showExecution(long executionId, String note) {
        var byNode = new LinkedHashMap<String, JobView>();
        workflows.jobs(executionId).forEach(j -> byNode.put(j.nodeKey(), j));
        show(workflows.get(workflow.id()), byNode);
        resultNote.setText(note);
        tabs.setSelectedIndex(0);
    }
}
