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

    WorkflowsView(WorkflowService workflows, CollectionService collections) {
        this.workflows = workflows;
        addClassName("af-page");
        setSizeFull();
        var toolbar = ListToolbar.of(getTranslation("workflows.intro"), getTranslation("workflows.new"),
                () -> new WorkflowDialog(workflows, collections, created -> open(created.id())).open());

        grid.addColumn(WorkflowDefinition::title).setKey("title").setHeader(getTranslation("workflows.title")).setFlexGrow(1);
        grid.addColumn(w -> getTranslation(w.triggerType().labelKey())).setKey("trigger").setHeader(getTranslation("workflows.trigger")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.synchronous() ? "workflows.sync" : "workflows.async")).setKey("mode")
                .setHeader(getTranslation("workflows.mode")).setAutoWidth(true);
        grid.addColumn(WorkflowDefinition::version).setKey("version").setHeader(getTranslation("workflows.version")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        grid.setItems(workflows.list());
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
