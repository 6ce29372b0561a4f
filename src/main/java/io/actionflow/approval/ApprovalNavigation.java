package io.actionflow.approval;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Everyone signed in has a to-do center: their tasks and forms (with a live count) and their submissions. */
@Component
class ApprovalNavigation implements NavigationContributor {

    private final CurrentUser currentUser;
    private final ApprovalService approvals;
    private final ManualTasks forms;

    ApprovalNavigation(CurrentUser currentUser, ApprovalService approvals, ManualTasks forms) {
        this.currentUser = currentUser;
        this.approvals = approvals;
        this.forms = forms;
    }

    @Override
    public List<NavigationEntry> entries() {
        // the count is read again later, from other threads: it names the user rather than asking who is signed in
        return currentUser.username()
                .map(username -> List.of(
                        NavigationEntry.counted("nav.todos", "vaadin:tasks", "todos", -20, () -> approvals.openTasks(username) + forms.open(username)),
                        NavigationEntry.counted("nav.submissions", "vaadin:paperplane", "submissions", -10, null)))
                .orElse(List.of());
    }
}
