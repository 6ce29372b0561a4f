package io.actionflow.workflow.nodes;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.NodeCheck;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import io.actionflow.workflow.engine.TaskPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Manual task: asks people to fill in a form and waits, holding no thread, until they have. Settings:
 * <ul>
 * <li>{@code assignees} (usernames), {@code role}, {@code assigneesFrom} (a variable giving usernames or user ids): all
 * that are given count; {@code mode}: {@code any} (the first to submit decides) or {@code all};</li>
 * <li>{@code title} and {@code description}: what the to-do says; {@code collection}: where fields named without a type
 * come from;</li>
 * <li>{@code fields}: each {@code name}, and {@code type} (a field type; left out for a field of the collection),
 * {@code title}, {@code required}, {@code options} (for a choice), {@code value} (what the form starts with, such as
 * a variable);</li>
 * <li>{@code timeout}: how long to wait (ISO-8601 such as P2D, or seconds); when it runs out the open tasks close and
 * the {@code timeout} branch runs, then the workflow goes on; {@code remindAfter}: when those who have not submitted
 * are reminded, once.</li>
 * </ul>
 * Later nodes read {@code $jobsMapByNodeKey.<key>.values} (the submitted values), {@code .by}, {@code .submissions}
 * and {@code .outcome} ({@code submitted} or {@code timeout}).
 */
public final class ManualTaskNode implements NodeExecutor {

    /** Field types a free field may have: those of collection fields that hold a value of their own. */
    public static final List<String> TYPES = List.of("text", "long_text", "integer", "decimal", "boolean", "date", "datetime",
            "single_select", "email");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");
    private static final int TITLE_MAX = 300;

    /** Whether a form field may be named so: later nodes read it as a variable's part. */
    public static boolean fieldName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public String type() {
        return "manual";
    }

    @Override
    public boolean waits() {
        return true;
    }

    @Override
    public boolean wakesEarly() {
        return true;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Long executionId = context.state().executionId();
        if (executionId == null) {
            throw new NodeFailure("manual.node.needsExecution", context.node().key());
        }
        Instant now = context.ports().clock().instant();
        Instant due = after(context, "timeout", now);
        var fields = fields(context.config().get("fields"));
        var values = new LinkedHashMap<String, Object>();
        fields.forEach(f -> {
            if (f.get("value") != null) {
                values.put(String.valueOf(f.get("name")), f.get("value"));
            }
        });
        String title = context.text("title") == null || context.text("title").isBlank()
                ? context.node().title() == null ? context.node().key() : context.node().title() : context.text("title").strip();
        var asked = context.ports().tasks().ask(new TaskPort.Ask(executionId, context.jobKey(), context.node().key(),
                cut(title, TITLE_MAX), context.text("description"), blankToNull(context.text("collection")), fields, values,
                named(context.config().get("assignees"), context.config().get("assigneesFrom")), blankToNull(context.text("role")),
                "all".equals(context.text("mode")), due));
        if (asked.isEmpty()) {
            throw new NodeFailure("manual.node.nobody", context.node().key());
        }
        var output = new LinkedHashMap<String, Object>();
        output.put("asked", asked);
        if (due != null) {
            output.put("due", due.toString());
        }
        Instant remindAt = after(context, "remindAfter", now);
        if (remindAt != null && (due == null || remindAt.isBefore(due))) {
            output.put("remindAt", remindAt.toString());
        }
        return new NodeResult.Wait(next(output), output);
    }

    @Override
    public NodeResult resume(NodeContext context, JobState waited) {
        long executionId = context.state().executionId();
        var port = context.ports().tasks();
        var progress = port.progress(executionId, context.jobKey());
        @SuppressWarnings("unchecked")
        var output = new LinkedHashMap<String, Object>(waited.output() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        Instant now = context.ports().clock().instant();
        if (progress.done()) {
            return new NodeResult.Continue(result("submitted", progress));
        }
        if (output.get("due") != null && !now.isBefore(Instant.parse(String.valueOf(output.get("due"))))) {
            port.expire(executionId, context.jobKey());
            return new NodeResult.Branch("timeout", result("timeout", progress));
        }
        if (output.get("remindAt") != null && !now.isBefore(Instant.parse(String.valueOf(output.get("remindAt"))))) {
            output.remove("remindAt");
            output.put("reminded", port.remind(executionId, context.jobKey()));
        }
        return new NodeResult.Wait(next(output), output);
    }

    /** What later nodes read: the values (the last submission's over the earlier ones'), who submitted, and how it ended. */
    private static Map<String, Object> result(String outcome, TaskPort.Progress progress) {
        var values = new LinkedHashMap<String, Object>();
        var submissions = new ArrayList<Map<String, Object>>();
        for (TaskPort.Submission s : progress.submissions()) {
            values.putAll(s.values());
            var one = new LinkedHashMap<String, Object>();
            one.put("by", s.by());
            one.put("values", s.values());
            one.put("at", s.at().toString());
            submissions.add(one);
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("outcome", outcome);
        result.put("values", values);
        result.put("by", progress.submissions().isEmpty() ? null : progress.submissions().getLast().by());
        result.put("submissions", submissions);
        if (!progress.open().isEmpty()) {
            result.put("open", progress.open());
        }
        return result;
    }

    /** The earlier of the reminder and the deadline; null when neither is set (the wait ends when the form comes). */
    private static Instant next(Map<String, Object> output) {
        return Stream.of(output.get("remindAt"), output.get("due")).filter(Objects::nonNull)
                .map(v -> Instant.parse(String.valueOf(v))).min(Instant::compareTo).orElse(null);
    }

    private static Instant after(NodeContext context, String setting, Instant now) {
        String text = context.text(setting);
        if (text == null || text.isBlank()) {
            return null;
        }
        Duration duration = Settings.duration(text);
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new NodeFailure("workflow.error.duration", text, context.node().key());
        }
        return now.plus(duration);
    }

    /** The usernames or ids the settings name outright and through a variable, in that order. */
    private static List<String> named(Object assignees, Object from) {
        var named = new ArrayList<String>(texts(assignees));
        if (from instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(v -> v instanceof Map<?, ?> m && m.get("id") != null ? m.get("id") : v)
                    .map(String::valueOf).forEach(named::add);
        } else if (from instanceof Map<?, ?> record && record.get("id") != null) {
            named.add(String.valueOf(record.get("id")));
        } else {
            named.addAll(texts(from));
        }
        return named;
    }

    private static List<String> texts(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(Objects::nonNull).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (value == null || value instanceof Map<?, ?>) {
            return List.of();
        }
        return Arrays.stream(String.valueOf(value).split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fields(Object setting) {
        if (!(setting instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    @Override
    public List<Text> problems(NodeDef node, NodeCheck where) {
        var config = node.config();
        var problems = new ArrayList<Text>();
        if (texts(config.get("assignees")).isEmpty() && blank(config.get("role")) && blank(config.get("assigneesFrom"))) {
            problems.add(Text.of("manual.problem.nobody", node.key()));
        }
        if (!List.of("any", "all").contains(String.valueOf(config.getOrDefault("mode", "any")))) {
            problems.add(Text.of("manual.problem.mode", node.key()));
        }
        if (config.get("title") != null && String.valueOf(config.get("title")).length() > TITLE_MAX) {
            problems.add(Text.of("workflow.problem.titleTooLong", node.key(), TITLE_MAX));
        }
        for (String setting : List.of("timeout", "remindAfter")) {
            Object value = config.get(setting);
            if (!blank(value) && !NodeCheck.filled(value)) {
                Duration duration = Settings.duration(String.valueOf(value));
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    problems.add(Text.of("workflow.error.duration", String.valueOf(value), node.key()));
                }
            }
        }
        String collection = blank(config.get("collection")) ? null : String.valueOf(config.get("collection")).strip();
        Map<String, String> collectionFields = null;
        if (collection != null && where.checksNames()) {
            collectionFields = where.fields(collection).orElse(null);
            if (collectionFields == null) {
                problems.add(Text.of("workflow.problem.collectionUnknown", node.key(), collection));
            }
        }
        var fields = fields(config.get("fields"));
        if (fields.isEmpty()) {
            problems.add(Text.of("manual.problem.noFields", node.key()));
        }
        Set<String> seen = new HashSet<>();
        for (var field : fields) {
            String name = field.get("name") == null ? "" : String.valueOf(field.get("name")).strip();
            if (!fieldName(name)) {
                problems.add(Text.of("manual.problem.fieldName", node.key(), name));
                continue;
            }
            if (!seen.add(name)) {
                problems.add(Text.of("manual.problem.fieldTwice", node.key(), name));
            }
            Object type = field.get("type");
            if (blank(type)) {
                if (collection == null) {
                    problems.add(Text.of("manual.problem.fieldType", node.key(), name));
                } else if (collectionFields != null && (!collectionFields.containsKey(name) || "id".equals(name))) {
                    problems.add(Text.of("manual.problem.fieldUnknown", node.key(), name, collection));
                }
            } else if (!TYPES.contains(String.valueOf(type))) {
                problems.add(Text.of("manual.problem.fieldType", node.key(), name));
            } else if ("single_select".equals(type) && texts(field.get("options")).isEmpty()) {
                problems.add(Text.of("manual.problem.options", node.key(), name));
            }
        }
        if (!blank(config.get("role")) && where.checksNames() && !where.references().roleExists(String.valueOf(config.get("role")))) {
            problems.add(Text.of("approval.node.problem.role", node.key(), String.valueOf(config.get("role"))));
        }
        if (where.checksNames()) {
            texts(config.get("assignees")).stream().filter(u -> !NodeCheck.filled(u)).filter(u -> !where.references().userExists(u))
                    .forEach(u -> problems.add(Text.of("workflow.problem.userUnknown", node.key(), u)));
        }
        return problems;
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank() || "none".equals(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() || "none".equals(text) ? null : text.strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
