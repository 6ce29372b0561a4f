package io.actionflow.approval;

import io.actionflow.platform.Text;
import io.actionflow.platform.Roles;
import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.NodeContext;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeFailure;
import io.actionflow.workflow.engine.NodeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Approval node: asks its approvers to decide on the request its approval workflow runs for, and waits (holding
 * no thread) until they have. Settings:
 * <ul>
 * <li>{@code approvers}: usernames; {@code role}: everyone enabled with that role; {@code approversFrom}: a variable
 * giving usernames or user ids (such as a record's manager field). All that are given count, in that order.</li>
 * <li>{@code agreement}: {@code any}, {@code all} or {@code percent} (with {@code percent}, 1 to 100);
 * {@code order}: {@code parallel} or {@code sequential}.</li>
 * <li>{@code editableFields}: the fields approvers may change while approving.</li>
 * <li>{@code submitterMayApprove}: whether the submitter, when among the approvers, may decide on their own request;
 * by default they are left out, and a node that names nobody else fails.</li>
 * <li>{@code onReject}: {@code end} (the workflow ends, rejected) or {@code branch} (the {@code approved} and
 * {@code rejected} branches).</li>
 * </ul>
 * Later nodes read {@code $jobsMapByNodeKey.<key>.decision} and {@code .data} (the values as approvers left them).
 */
@Component
class ApprovalNode implements NodeExecutor {

    /** Looked up when a node runs: the service reaches the runner, which runs this node. */
    private final ObjectProvider<ApprovalService> approvalService;
    private final Assignees assignees;
    private final Roles roles;

    ApprovalNode(ObjectProvider<ApprovalService> approvals, Assignees assignees, Roles roles) {
        this.approvalService = approvals;
        this.assignees = assignees;
        this.roles = roles;
    }

    @Override
    public String type() {
        return "approval";
    }

    @Override
    public boolean waits() {
        return true;
    }

    @Override
    public String onlyFor() {
        return "APPROVAL";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        long approvalId = approvalId(context);
        var approvers = approvers(context);
        if (approvers.isEmpty()) {
            throw new NodeFailure("approval.node.noApprovers", context.node().key());
        }
        var stage = new ApprovalService.Stage(context.node().key(),
                context.node().title() == null ? context.node().key() : context.node().title(), approvers, policy(context),
                list(context.config().get("editableFields")),
                Boolean.parseBoolean(String.valueOf(context.config().get("submitterMayApprove"))));
        switch (approvalService.getObject().ask(approvalId, stage)) {
            case NOT_PENDING -> {
                return new NodeResult.Reject(Map.of("approval", approvalId, "decision", "withdrawn"));
            }
            case ONLY_SUBMITTER -> throw new NodeFailure("approval.node.onlySubmitter", context.node().key());
            case ASKED -> { }
        }
        return new NodeResult.Wait(null, Map.of("approval", approvalId, "approvers", approvers));
    }

    @Override
    public NodeResult resume(NodeContext context, JobState waited) {
        long approvalId = approvalId(context);
        String outcome = approvalService.getObject().outcome(approvalId);
        if (outcome == null) {
            // woken while still open: keep waiting
            return new NodeResult.Wait(null, waited.output());
        }
        var output = new LinkedHashMap<String, Object>();
        output.put("approval", approvalId);
        output.put("decision", outcome.toLowerCase(java.util.Locale.ROOT));
        output.put("data", approvalService.getObject().dataOf(approvalId));
        boolean branches = "branch".equals(context.config().get("onReject"));
        return switch (outcome) {
            case "APPROVED" -> branches ? new NodeResult.Branch("approved", output) : new NodeResult.Continue(output);
            case "REJECTED" -> branches ? new NodeResult.Branch("rejected", output) : new NodeResult.Reject(output);
            default -> new NodeResult.Reject(output);
        };
    }

    @Override
    public List<Text> problems(NodeDef node) {
        var problems = new ArrayList<Text>();
        var config = node.config();
        if (list(config.get("approvers")).isEmpty() && blank(config.get("role")) && blank(config.get("approversFrom"))) {
            problems.add(Text.of("approval.node.problem.approvers", node.key()));
        }
        if (!blank(config.get("role")) && !roles.exists(String.valueOf(config.get("role")))) {
            problems.add(Text.of("approval.node.problem.role", node.key(), String.valueOf(config.get("role"))));
        }
        String agreement = String.valueOf(config.getOrDefault("agreement", "any"));
        if (!List.of("any", "all", "percent").contains(agreement)) {
            problems.add(Text.of("approval.node.problem.agreement", node.key()));
        } else if ("percent".equals(agreement) && percent(config.get("percent")) == null) {
            problems.add(Text.of("approval.node.problem.percent", node.key()));
        }
        if (!List.of("parallel", "sequential").contains(String.valueOf(config.getOrDefault("order", "parallel")))) {
            problems.add(Text.of("approval.node.problem.order", node.key()));
        }
        if (!List.of("end", "branch").contains(String.valueOf(config.getOrDefault("onReject", "end")))) {
            problems.add(Text.of("approval.node.problem.onReject", node.key()));
        }
        return problems;
    }

    private static long approvalId(NodeContext context) {
        if (context.state().context().get("approval") instanceof Map<?, ?> approval && approval.get("id") instanceof Number id) {
            return id.longValue();
        }
        throw new NodeFailure("approval.node.noRequest", context.node().key());
    }

    /** The approvers the settings name, in order, each once; unknown and disabled accounts are left out. */
    private List<String> approvers(NodeContext context) {
        var fromData = new ArrayList<String>();
        Object from = context.config().get("approversFrom");
        if (from instanceof List<?> values) {
            values.forEach(v -> fromData.add(String.valueOf(v)));
        } else if (!blank(from)) {
            fromData.addAll(List.of(String.valueOf(from).split(",")));
        }
        Object role = context.config().get("role");
        return assignees.resolve(list(context.config().get("approvers")), blank(role) ? null : String.valueOf(role), fromData);
    }

    private static ApprovalRules.Policy policy(NodeContext context) {
        var order = "sequential".equals(context.config().get("order")) ? ApprovalRules.Order.SEQUENTIAL : ApprovalRules.Order.PARALLEL;
        return switch (String.valueOf(context.config().getOrDefault("agreement", "any"))) {
            case "all" -> ApprovalRules.Policy.all(order);
            case "percent" -> {
                Integer percent = percent(context.config().get("percent"));
                if (percent == null) {
                    throw new NodeFailure("approval.node.problem.percent", context.node().key());
                }
                yield ApprovalRules.Policy.percent(percent, order);
            }
            default -> ApprovalRules.Policy.any(order);
        };
    }

    private static Integer percent(Object value) {
        String text = value == null ? "" : String.valueOf(value).strip();
        if (!text.matches("\\d{1,3}")) {
            return null;
        }
        int percent = Integer.parseInt(text);
        return percent >= 1 && percent <= 100 ? percent : null;
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return blank(value) ? List.of() : List.of(String.valueOf(value).split("[,\\n]")).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Not set: nothing, blank, or "none" (the settings form's choice of no role). */
    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank() || "none".equals(value);
    }
}
