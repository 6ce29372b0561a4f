package io.actionflow.workflow.nodes;

import io.actionflow.workflow.engine.HttpPort;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP request: method, URL, headers, body and timeout. A response outside 2xx fails the node (asynchronous workflows
 * retry it); the response (status, headers, body) is the output.
 */
public final class HttpRequestNode implements NodeExecutor {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpPort http;

    /** {@code http} checks literal addresses before the workflow is enabled. */
    public HttpRequestNode(HttpPort http) {
        this.http = http;
    }

    @Override
    public String type() {
        return "request";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String method = context.text("method") == null ? "GET" : context.text("method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return NodeResult.fail("workflow.error.method", context.node().key(), method);
        }
        var headers = new LinkedHashMap<String, String>();
        if (context.config().get("headers") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        Object body = context.config().get("body");
        int timeout = Math.max(1, Math.min(Settings.number(context, "timeoutMs", 5000), 60_000));
        HttpPort.Response response = context.ports().http().send(method, context.requiredText("url"), headers,
                body == null ? null : String.valueOf(body), Duration.ofMillis(timeout));
        var output = new LinkedHashMap<String, Object>();
        output.put("status", response.status());
        output.put("headers", response.headers());
        output.put("body", response.body());
        if (response.status() < 200 || response.status() > 299) {
            return NodeResult.fail("workflow.error.httpStatus", context.node().key(), method, context.text("url"), response.status());
        }
        return new NodeResult.Continue(output);
    }

    /** An address written out in full is checked now: its scheme, the allow-list, and where its name resolves to. */
    @Override
    public java.util.List<io.actionflow.platform.Text> problems(io.actionflow.workflow.engine.NodeDef node) {
        Object url = node.config().get("url");
        if (url == null || String.valueOf(url).isBlank()) {
            return java.util.List.of(io.actionflow.platform.Text.of("workflow.problem.settingMissing", node.key(), "url"));
        }
        if (String.valueOf(url).contains("{{")) {
            return java.util.List.of();
        }
        return http.refusal(String.valueOf(url))
                .map(why -> java.util.List.of(io.actionflow.platform.Text.of("workflow.problem.node", node.key(), why)))
                .orElse(java.util.List.of());
    }
}
