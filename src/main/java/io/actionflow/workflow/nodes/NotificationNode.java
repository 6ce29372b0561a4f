package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Notification: an in-app message to users (a list of usernames, or one username, usually a variable). */
public final class NotificationNode implements NodeExecutor {

    /** As long as a notification's title may be: the inbox shows it on one line. */
    static final int TITLE_MAX = 200;

    @Override
    public String type() {
        return "notification";
    }

    /** The record the workflow runs for, when it runs for one: the message leads there. */
    private static String link(NodeContext context) {
        var run = context.state().context();
        if (run.get("collection") instanceof String collection && run.get("data") instanceof Map<?, ?> data
                && data.get("id") instanceof Number id) {
            return "record:" + collection + ":" + id.longValue();
        }
        return null;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Object users = context.config().get("users");
        var usernames = new ArrayList<String>();
        if (users instanceof List<?> list) {
            list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).forEach(usernames::add);
        } else if (users != null && !String.valueOf(users).isBlank()) {
            for (String name : String.valueOf(users).split(",")) {
                usernames.add(name.strip());
            }
        }
        if (usernames.isEmpty()) {
            throw new NodeFailure("workflow.error.nobody", context.node().key());
        }
        String title = context.text("title") == null ? "" : context.text("title");
        String message = context.requiredText("message");
        context.ports().notifications().notify(List.copyOf(usernames), title, message, link(context));
        return new NodeResult.Continue(Map.of("users", usernames, "title", title, "message", message));
    }

    /** Someone to tell, and each user named outright (not by a variable) known to the workspace. */
    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        Object users = node.config().get("users");
        var named = new ArrayList<String>();
        if (users instanceof List<?> list) {
            list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).map(String::strip).filter(u -> !u.isEmpty()).forEach(named::add);
        } else if (users != null) {
            for (String name : String.valueOf(users).split(",")) {
                if (!name.isBlank()) {
                    named.add(name.strip());
                }
            }
        }
        var problems = new ArrayList<Text>();
        if (named.isEmpty()) {
            problems.add(Text.of("workflow.error.nobody", node.key()));
        }
        if (node.config().get("title") != null && String.valueOf(node.config().get("title")).length() > TITLE_MAX) {
            problems.add(Text.of("workflow.problem.titleTooLong", node.key(), TITLE_MAX));
        }
        if (node.config().get("message") == null || String.valueOf(node.config().get("message")).isBlank()) {
            problems.add(Text.of("workflow.problem.settingEmpty", node.key(), Text.of("nodeSetting.message")));
        }
        if (where.checksNames()) {
            named.stream().filter(u -> !NodeCheck.filled(u)).filter(u -> !where.references().userExists(u))
                    .forEach(u -> problems.add(Text.of("workflow.problem.userUnknown", node.key(), u)));
        }
        return problems;
    }
}
