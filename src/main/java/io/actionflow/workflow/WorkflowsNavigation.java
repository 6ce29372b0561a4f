package io.actionflow.workflow;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import io.actionflow.platform.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** Admins reach the workflows from the Admin section. */
@Component
class WorkflowsNavigation implements NavigationContributor {

    private final CurrentUser currentUser;

    WorkflowsNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<NavigationEntry> entries() {
        return currentUser.isAdmin()
                ? List.of(NavigationEntry.admin("nav.workflows", "vaadin:connect", "admin/workflows", 300),
                        NavigationEntry.admin("nav.executions", "vaadin:list-ol", "admin/executions", 310))
                : List.of();
    }
}
