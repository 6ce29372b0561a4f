package io.actionflow.workflow.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.collections.CollectionService;
import io.actionflow.platform.Role;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.platform.ui.ListToolbar;
import jakarta.annotation.security.RolesAllowed;

/** Every workflow (its current or newest version): what triggers it, how it runs, whether it is on. */
@Route("admin/workflows")
@RolesAllowed(Role.ADMIN_ID)
class WorkflowsView extends VerticalLayout implements HasDynamicTitle {

    private final WorkflowService workflows;
    private final Grid<WorkflowDefinition> grid = new Grid<>();
    private final com.vaadin.flow.component.textfield.TextField search = new com.vaadin.flow.component.textfield.TextField();
    private java.util.Map<String, java.time.Instant> lastRuns = java.util.Map.of();
    private java.util.List<WorkflowDefinition> all = java.util.List.of();

    /** The workflows whose title or trigger contains what is typed in the search field. */
    private void filter() {
        String typed = search.getValue().strip().toLowerCase(getLocale());
        grid.setItems(typed.isEmpty() ? all : all.stream()
                .filter(w -> w.title().toLowerCase(getLocale()).contains(typed)
                        || getTranslation(w.triggerType().labelKey()).toLowerCase(getLocale()).contains(typed))
                .toList());
    }

    WorkflowsView(WorkflowService workflows, CollectionService collections, io.actionflow.platform.Roles roles) {
        this.workflows = workflows;
        addClassName("af-page");
        setSizeFull();
        var toolbar = ListToolbar.of(getTranslation("workflows.intro"), getTranslation("workflows.new"),
                () -> new WorkflowDialog(workflows, collections, roles, created -> open(created.id())).open());
        var importButton = new com.vaadin.flow.component.button.Button(getTranslation("workflows.import"),
                com.vaadin.flow.component.icon.VaadinIcon.UPLOAD.create(),
                e -> new ImportWorkflowDialog(workflows, imported -> {
                    io.actionflow.platform.ui.Notices.success(getTranslation("workflows.imported", imported.title(), imported.version()));
                    open(imported.id());
                }).open());
        toolbar.addComponentAtIndex(1, importButton);
        search.setPlaceholder(getTranslation("workflows.search"));
        search.setAriaLabel(getTranslation("workflows.search"));
        search.setPrefixComponent(com.vaadin.flow.component.icon.VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.addClassName("af-workflow-search");
        toolbar.addComponentAtIndex(1, search);

        grid.addColumn(WorkflowDefinition::title).setKey("title").setHeader(getTranslation("workflows.title")).setFlexGrow(1);
        grid.addColumn(w -> getTranslation(w.triggerType().labelKey())).setKey("trigger").setHeader(getTranslation("workflows.trigger")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> getTranslation(w.synchronous() ? "workflows.sync" : "workflows.async")).setKey("mode")
                .setHeader(getTranslation("workflows.mode")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkflowDefinition::version).setKey("version").setHeader(getTranslation("workflows.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> lastRuns.containsKey(w.key()) ? io.actionflow.platform.ui.Times.format(lastRuns.get(w.key()), getLocale())
                : getTranslation("workflows.neverRun")).setKey("lastRun").setHeader(getTranslation("workflows.lastRun")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("users.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        all = workflows.list();
        lastRuns = workflows.lastRuns(all.stream().map(WorkflowDefinition::key).toList());
        filter();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workflows.pageTitle");
    }

    private Component state(WorkflowDefinition workflow) {
        var badge = new Span(getTranslation(workflow.enabled() ? "workflows.enabled" : "workflows.disabled"));
        badge.addClassNames("af-badge", workflow.enabled() ? "af-badge-success" : "af-badge-muted");
        return new Div(badge);
    }

    private void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(WorkflowEditorView.class, id));
    }
}
