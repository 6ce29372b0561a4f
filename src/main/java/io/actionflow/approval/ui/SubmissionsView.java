package io.actionflow.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.Route;
import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordQueries;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.ui.UserBroadcaster;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "My submissions": what the signed-in user submitted for approval, newest first, with where each stands and its
 * timeline. A request nobody has decided on yet can be withdrawn; a returned one can be changed and resubmitted.
 */
@Route("submissions")
@PermitAll
class SubmissionsView extends RequestList<Approval> {

    SubmissionsView(ApprovalService approvals, CollectionService collections, RecordQueries queries, CurrentUser currentUser,
            UserBroadcaster broadcaster) {
        super(approvals, collections, queries, currentUser, broadcaster, "af-submissions", "approval.submissions.empty",
                "approval.submissions.choose");
        grid.addComponentColumn(a -> RequestPanel.summary(collections, a.title(), a.collection(),
                getTranslation("approval.action." + a.action()), a.updatedAt(), getLocale())).setHeader(getTranslation("approval.column.request"))
                .setFlexGrow(3);
        grid.addComponentColumn(a -> RequestPanel.status(this, a.status())).setHeader(getTranslation("approval.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
    }

    @Override
    protected List<Approval> items() {
        return approvals.mySubmissions();
    }

    @Override
    protected long id(Approval approval) {
        return approval.id();
    }

    @Override
    protected String linkedAs(Approval approval) {
        return "request:" + approval.id();
    }

    @Override
    protected RequestPanel panel(Approval approval) {
        boolean returned = approval.status() == Approval.Status.RETURNED;
        var editable = returned ? new LinkedHashSet<>(approval.data().keySet()) : Set.<String>of();
        var panel = new RequestPanel(approvals, collections, queries, approval, editable);
        var comment = comment();
        long id = approval.id();
        var buttons = new ArrayList<Button>();
        if (returned) {
            buttons.add(action("approval.resubmit", () -> approvals.resubmit(id, panel.changes(), comment.getValue()), panel,
                    "approval.done.resubmitted", ButtonVariant.LUMO_PRIMARY));
        }
        if (approval.status() == Approval.Status.PENDING && !approval.decided()) {
            buttons.add(action("approval.withdraw", () -> approvals.withdraw(id, comment.getValue()), panel,
                    "approval.done.withdrawn", ButtonVariant.LUMO_ERROR));
        }
        if (approval.status().isOpen()) {
            buttons.add(action("approval.addComment", () -> approvals.comment(id, comment.getValue()), panel,
                    "approval.done.commented", ButtonVariant.LUMO_TERTIARY));
        }
        if (!buttons.isEmpty()) {
            act(panel, comment, buttons.toArray(Button[]::new));
        }
        return panel;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.submissions");
    }
}
