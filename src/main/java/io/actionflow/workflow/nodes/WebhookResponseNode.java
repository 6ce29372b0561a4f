package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook response: the status and JSON body a synchronous webhook workflow answers its caller with. The body is JSON
 * as the admin wrote it, each variable filled in as its value (a number stays a number), never as text pasted into
 * JSON; the status code ({@code code}) is a number from 200 to 599.
 */
public final class WebhookResponseNode implements NodeExecutor {

    @Override
    public String type() {
        return "webhook-response";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        int status = status(context.config().get("code"));
        if (status == 0) {
            throw new NodeFailure("workflow.error.webhookStatus", context.node().key(), String.valueOf(context.config().get("code")));
        }
        Object body = context.config().get("body");
        context.state().respond(status, body);
        var output = new LinkedHashMap<String, Object>();
        output.put("status", status);
        output.put("body", body);
        return new NodeResult.Continue(output);
    }

    @Override
    public boolean synchronousOnly() {
        return true;
    }

    @Override
    public String onlyFor() {
        return "WEBHOOK";
    }

    @Override
    public List<Text> problems(NodeDef node) {
        var problems = new ArrayList<Text>();
        Object status = node.config().get("code");
        if (status != null && !(status instanceof String text && text.contains("{{")) && status(status) == 0) {
            problems.add(Text.of("workflow.problem.webhookStatus", node.key(), String.valueOf(status)));
        }
        Object body = node.config().get("body");
        if (body != null && !(body instanceof Map<?, ?>) && !(body instanceof List<?>)) {
            problems.add(Text.of("workflow.problem.webhookBody", node.key()));
        }
        return problems;
    }

    /** A status from 200 to 599, written as a number or as text holding one; 0 when it is not one. */
    private static int status(Object value) {
        if (value == null) {
            return 200;
        }
        String text = String.valueOf(value).strip();
        if (value instanceof Integer || value instanceof Long || text.matches("[2-5]\\d\\d")) {
            int status = Integer.parseInt(text);
            return status >= 200 && status <= 599 ? status : 0;
        }
        return 0;
    }
}
