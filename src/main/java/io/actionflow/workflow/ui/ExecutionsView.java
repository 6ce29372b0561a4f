package io.actionflow.workflow.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.actionflow.platform.Role;
import io.actionflow.workflow.WorkflowService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * Every execution of every workflow, newest first, with the filters of a workflow's own history (workflow, status,
 * dates, test runs); Show opens the run on its workflow's canvas (issue 17).
 */
@Route("admin/executions")
@RolesAllowed(Role.ADMIN_ID)
class ExecutionsView extends VerticalLayout implements HasDynamicTitle {

    ExecutionsView(WorkflowService workflows) {
        setSizeFull();
        addClassName("af-executions");
        var history = new ExecutionHistory(workflows, execution -> getUI().ifPresent(ui -> ui.navigate(
                "admin/workflows/" + execution.workflowId(),
                QueryParameters.simple(Map.of("execution", String.valueOf(execution.id()))))), true);
        add(new H2(getTranslation("executions.pageTitle")), history);
        setFlexGrow(1, history);
        history.showAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("executions.pageTitle");
    }
}
