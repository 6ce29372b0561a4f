package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.HttpPort;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import io.actionflow.workflow.engine.Templates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP request: method, URL, headers, body and timeout. A response outside 2xx fails the node (asynchronous workflows
 * retry it); the response (status, headers, body) is the output. Data stays data: the admin's URL fixes the scheme,
 * host, path and parameter names, and a variable in it fills one path segment or one parameter value, encoded; a JSON
 * body (text that is JSON once its variables are values, or an object) is built as JSON, each variable a JSON value;
 * a body sent as plain text needs a Content-Type that says so. Header values with line breaks are refused.
 */
public final class HttpRequestNode implements NodeExecutor {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([$\\w][\\w.$\\[\\]-]*)\\s*}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT_TYPE = "Content-Type"; // i18n: not user-facing

    private final HttpPort http;

    /** {@code http} checks addresses before the workflow is enabled. */
    public HttpRequestNode(HttpPort http) {
        this.http = http;
    }

    @Override
    public String type() {
        return "request";
    }

    /** The URL and the body are filled in here, as parts of an address and as JSON values, never as text. */
    @Override
    public Set<String> filledByNode() {
        return Set.of("url", "body");
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String method = context.text("method") == null ? "GET" : context.text("method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return NodeResult.fail("workflow.error.method", context.node().key(), method);
        }
        Object url = context.node().config().get("url");
        if (url == null || String.valueOf(url).isBlank()) {
            throw new NodeFailure("workflow.error.settingEmpty", "url", context.node().key());
        }
        var address = Address.of(String.valueOf(url).strip(), context.variables());
        var headers = new LinkedHashMap<String, String>();
        if (context.config().get("headers") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.put(String.valueOf(k).strip(), v == null ? "" : String.valueOf(v)));
        }
        headers.forEach((name, value) -> {
            if (name.isEmpty() || (name + value).chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new NodeFailure("workflow.error.header", context.node().key(), name);
            }
        });
        var body = body(context.node(), context.node().config().get("body"), headers, context.variables());
        int timeout = Math.max(1, Math.min(Settings.number(context, "timeoutMs", 5000), 60_000));
        HttpPort.Response response = context.ports().http().send(new HttpPort.Request(method, address.template(),
                address.values(), headers, body, Duration.ofMillis(timeout)));
        var output = new LinkedHashMap<String, Object>();
        output.put("status", response.status());
        output.put("headers", response.headers());
        output.put("body", response.body());
        if (response.status() < 200 || response.status() > 299) {
            return NodeResult.fail("workflow.error.httpStatus", context.node().key(), method, address.shown(), response.status());
        }
        return new NodeResult.Continue(output);
    }

    /** The address is checked now (scheme, host, where no variable may stand), and a body that must be JSON is. */
    @Override
    public List<Text> problems(NodeDef node) {
        Object url = node.config().get("url");
        if (url == null || String.valueOf(url).isBlank()) {
            return List.of(Text.of("workflow.problem.settingMissing", node.key(), "url"));
        }
        var problems = new ArrayList<Text>();
        String written = String.valueOf(url).strip();
        String template = Address.of(written, Map.of()).template();
        // the refusal names the address as the admin wrote it, not as the template it was made into
        http.refusal(template).map(why -> new Text(why.key(), why.args().stream().map(a -> template.equals(a) ? written : a).toList()))
                .ifPresent(why -> problems.add(Text.of("workflow.problem.node", node.key(), why)));
        var headers = new LinkedHashMap<String, String>();
        if (node.config().get("headers") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.put(String.valueOf(k).strip(), String.valueOf(v)));
        }
        try {
            body(node, node.config().get("body"), headers, Map.of());
        } catch (NodeFailure notJson) {
            problems.add(Text.of("workflow.problem.node", node.key(), notJson.text()));
        }
        return problems;
    }

    /**
     * The body: none; an object or list setting, as JSON; a text that is JSON once each variable outside a string is
     * taken as a value, as JSON; any other text only with a Content-Type that is not JSON, as the text it renders to.
     */
    private static HttpPort.Body body(NodeDef node, Object setting, Map<String, String> headers, Map<String, Object> variables) {
        if (setting == null || setting instanceof String text && text.isBlank()) {
            return null;
        }
        if (setting instanceof Map<?, ?> || setting instanceof List<?>) {
            return new HttpPort.Body.Json(Templates.render(setting, variables));
        }
        String text = String.valueOf(setting);
        Optional<Object> tree = json(text);
        if (tree.isPresent()) {
            return new HttpPort.Body.Json(Templates.render(tree.get(), variables));
        }
        String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(CONTENT_TYPE))
                .map(Map.Entry::getValue).findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (type.isBlank() || type.contains("json")) {
            throw new NodeFailure("workflow.error.bodyJson", node.key());
        }
        if (type.contains("application/x-www-form-urlencoded")) {
            // a form's values are encoded: a value with & or = stays one value
            return new HttpPort.Body.Plain(Templates.fill(text, variables,
                    value -> URLEncoder.encode(value == null ? "" : text(value), StandardCharsets.UTF_8)));
        }
        return new HttpPort.Body.Plain(String.valueOf(Templates.render(text, variables)));
    }

    /** The body's JSON, each variable written outside a string ({@code "amount": {{…}}}) read as one whole string. */
    private static Optional<Object> json(String text) {
        var quoted = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString && text.startsWith("{{", i) && text.indexOf("}}", i) > 0) {
                int end = text.indexOf("}}", i) + 2;
                quoted.append('"').append(text, i, end).append('"');
                i = end - 1;
                continue;
            }
            if (c == '"' && unescaped(text, i)) {
                inString = !inString;
            }
            quoted.append(c);
        }
        try {
            return Optional.ofNullable(JSON.readValue(quoted.toString(), Object.class));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** Whether the quote at {@code at} follows an even number of backslashes (so it is not escaped). */
    private static boolean unescaped(String text, int at) {
        int count = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 0;
    }

    /** A value as text: a list or an object as its JSON, not as Java writes it. */
    private static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? JSON.writeValueAsString(value) : String.valueOf(value);
    }

    /** The URL as a template with {@code {0}}, {@code {1}}… for its variables, and their values as text. */
    private record Address(String template, List<String> values) {

        static Address of(String url, Map<String, Object> variables) {
            var values = new ArrayList<String>();
            var template = new StringBuilder();
            Matcher m = VARIABLE.matcher(url);
            while (m.find()) {
                Object value = Templates.resolve(m.group(1), variables);
                m.appendReplacement(template, Matcher.quoteReplacement("{" + values.size() + "}"));
                values.add(value == null ? "" : text(value));
            }
            m.appendTail(template);
            return new Address(template.toString(), values);
        }

        /** For messages: the address with its values written in. */
        String shown() {
            String shown = template;
            for (int i = 0; i < values.size(); i++) {
                shown = shown.replace("{" + i + "}", values.get(i));
            }
            return shown;
        }
    }
}
