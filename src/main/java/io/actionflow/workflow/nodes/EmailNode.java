package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.MailPort;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import io.actionflow.workflow.engine.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email: to and cc (addresses, or variables that hold one or a list), a subject and a body in text or HTML, sent
 * through the server's mail settings. Values stay data: every address is checked to be one address and nothing else
 * (a line break or a second address in a value is refused, so no header can be added), the subject is one line, and in
 * an HTML body each variable's value is escaped, so a value cannot become markup. An email is sent when the node runs:
 * in a synchronous workflow that is before the action is saved, so an email that must follow a saved record belongs in
 * a post-action workflow.
 */
public final class EmailNode implements NodeExecutor {

    /** At most this many recipients in all: more is a mailing, not a workflow's message. */
    static final int MOST_RECIPIENTS = 50;
    /** As long as a subject may be written. */
    static final int SUBJECT_MAX = 200;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>(),;:\"\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"); // i18n: not user-facing

    private final MailPort mail;

    /** {@code mail} says at Enable whether email can be sent from this server. */
    public EmailNode(MailPort mail) {
        this.mail = mail;
    }

    @Override
    public String type() {
        return "email";
    }

    /**
     * Filled in here: the addresses after the admin's entries are split (a value is one address), and the body, whose
     * values HTML escapes, which text filling would not do.
     */
    @Override
    public Set<String> filledByNode() {
        return Set.of("to", "cc", "body");
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String key = context.node().key();
        if (context.ports().mail().unavailable().isPresent()) {
            throw new NodeFailure("workflow.error.mailOff", key);
        }
        var to = addresses(key, written(context.node().config().get("to")), context.variables());
        var cc = addresses(key, written(context.node().config().get("cc")), context.variables());
        if (to.isEmpty()) {
            throw new NodeFailure("workflow.error.mailNobody", key);
        }
        if (to.size() + cc.size() > MOST_RECIPIENTS) {
            throw new NodeFailure("workflow.error.mailTooMany", key, to.size() + cc.size(), MOST_RECIPIENTS);
        }
        // one line: a value with a line break cannot start a header of its own
        String subject = context.requiredText("subject").replaceAll("[\\r\\n\\t\\u0000]+", " ").strip();
        boolean html = "html".equals(context.text("format"));
        Object written = context.node().config().get("body");
        if (written == null || String.valueOf(written).isBlank()) {
            throw new NodeFailure("workflow.error.settingEmpty", "body", key);
        }
        String body = html ? Templates.fill(String.valueOf(written), context.variables(), EmailNode::escaped)
                : Templates.fill(String.valueOf(written), context.variables(), v -> v == null ? "" : String.valueOf(v));
        try {
            context.ports().mail().send(new MailPort.Mail(to, cc, subject, body, html));
        } catch (MailPort.Refused refused) {
            throw new NodeFailure("workflow.error.mailFailed", key, Text.of(refused.reason()));
        }
        var output = new LinkedHashMap<String, Object>();
        output.put("to", to);
        output.put("cc", cc);
        output.put("subject", subject);
        return new NodeResult.Continue(output);
    }

    /** Someone to write to, a subject and a body; each address written outright is one; mail is set up here. */
    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        var problems = new ArrayList<Text>();
        var to = written(node.config().get("to"));
        if (to.isEmpty()) {
            problems.add(Text.of("workflow.error.mailNobody", node.key()));
        }
        var cc = written(node.config().get("cc"));
        for (String address : java.util.stream.Stream.concat(to.stream(), cc.stream()).toList()) {
            if (!NodeCheck.filled(address) && !isAddress(address)) {
                problems.add(Text.of("workflow.error.mailAddress", node.key(), address));
            }
        }
        // written as JSON, a subject or a body could be a list or a number: the form writes text, and so must the JSON
        for (String setting : List.of("subject", "body")) {
            Object value = node.config().get(setting);
            if (value != null && !(value instanceof String)) {
                problems.add(Text.of("workflow.problem.mailText", node.key(), Text.of("nodeSetting." + setting)));
            }
        }
        Object subject = node.config().get("subject");
        if (subject == null || String.valueOf(subject).isBlank()) {
            problems.add(Text.of("workflow.problem.settingEmpty", node.key(), Text.of("nodeSetting.subject")));
        } else if (String.valueOf(subject).length() > SUBJECT_MAX) {
            problems.add(Text.of("workflow.problem.subjectTooLong", node.key(), SUBJECT_MAX));
        }
        Object body = node.config().get("body");
        if (body == null || String.valueOf(body).isBlank()) {
            problems.add(Text.of("workflow.problem.settingEmpty", node.key(), Text.of("nodeSetting.body")));
        }
        Object format = node.config().get("format");
        if (format != null && !Set.of("text", "html").contains(String.valueOf(format))) {
            problems.add(Text.of("workflow.problem.mailFormat", node.key(), String.valueOf(format)));
        }
        if (where.checksNames()) {
            // left for Enable: a workflow may be built before the server has its mail settings
            mail.unavailable().ifPresent(why -> problems.add(Text.of("workflow.problem.mailOff", node.key(), why)));
        }
        return problems;
    }

    /** The addresses as the admin wrote them: a list, or one text with commas or lines between. */
    private static List<String> written(Object setting) {
        var found = new ArrayList<String>();
        if (setting instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(String::valueOf).map(String::strip).filter(a -> !a.isEmpty()).forEach(found::add);
        } else if (setting != null) {
            for (String part : String.valueOf(setting).split("[,\\n]")) {
                if (!part.isBlank()) {
                    found.add(part.strip());
                }
            }
        }
        return found;
    }

    /**
     * The addresses the admin's entries stand for once filled in: an entry is an address, or a variable that holds one
     * or a list of them. The entries are split where the admin wrote commas or lines, before any value is filled in:
     * a value is one address, and anything else in it (a line break, a comma and a second address) fails the node.
     */
    private static List<String> addresses(String key, List<String> entries, Map<String, Object> variables) {
        var found = new ArrayList<String>();
        for (String entry : entries) {
            Object filled = Templates.render(entry, variables);
            var values = filled instanceof List<?> list ? list : java.util.Collections.singletonList(filled);
            for (Object value : values) {
                if (value == null || String.valueOf(value).isBlank()) {
                    continue;
                }
                String address = String.valueOf(value).strip();
                if (!isAddress(address)) {
                    throw new NodeFailure("workflow.error.mailAddress", key, shown(address));
                }
                if (!found.contains(address)) {
                    found.add(address);
                }
            }
        }
        return found;
    }

    static boolean isAddress(String text) {
        return text.length() <= 254 && ADDRESS.matcher(text).matches();
    }

    /** An address as a refusal shows it: control characters made visible, and not too long. */
    private static String shown(String address) {
        String visible = address.replace("\r", "\\r").replace("\n", "\\n");
        return visible.length() > 80 ? visible.substring(0, 80) + "…" : visible;
    }

    private static String escaped(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
