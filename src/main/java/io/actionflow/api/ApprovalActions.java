package io.actionflow.api;

import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's approval tasks through the API, as in My to-dos: {@code GET /api/approvals:todos} lists the open
 * ones, {@code GET /api/approvals:get?filterByTk=<id>} shows a request (to its submitter, its approvers and admins);
 * {@code POST /api/approvals:approve}, {@code :reject} and {@code :return} decide a task, with
 * {@code {"task": id, "comment": …}} (and, to approve, the {@code changes} made to the fields the step lets approvers
 * change). {@link ApprovalService} decides who may: only the task's approver, and not the submitter unless the step
 * allows it; a request decided by a call goes on exactly as one decided in the UI.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ApprovalActions {

    private final ApprovalService approvals;

    ApprovalActions(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/api/approvals:todos")
    Map<String, Object> todos() {
        return Map.of("data", approvals.myToDos().stream().map(todo -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("task", todo.task().id());
            entry.putAll(request(todo.approval()));
            entry.put("data", todo.approval().data());
            entry.put("editable", todo.approval().editable());
            return entry;
        }).toList());
    }

    @GetMapping("/api/approvals:get")
    Map<String, Object> get(HttpServletRequest request) {
        var approval = approvals.get(ApiBodies.filterByTk(request, "api.approval.id"));
        var shown = request(approval);
        shown.put("data", approval.data());
        shown.put("finishedAt", approval.finishedAt());
        return Map.of("data", shown);
    }

    @PostMapping("/api/approvals:approve")
    Map<String, Object> approve(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(request);
        Object changes = body.get("changes");
        if (changes != null && !(changes instanceof Map<?, ?>)) {
            throw new ValidationException(FieldError.of("changes", "api.approval.changes"));
        }
        @SuppressWarnings("unchecked")
        var changed = changes == null ? Map.<String, Object>of() : (Map<String, Object>) changes;
        return answer(approvals.approve(task(body), comment(body), changed));
    }

    @PostMapping("/api/approvals:reject")
    Map<String, Object> reject(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(request);
        return answer(approvals.reject(task(body), comment(body)));
    }

    @PostMapping("/api/approvals:return")
    Map<String, Object> giveBack(HttpServletRequest request) throws IOException {
        var body = ApiBodies.object(request);
        return answer(approvals.giveBack(task(body), comment(body)));
    }

    private static long task(Map<String, Object> body) {
        return ApiBodies.id(body, "task", "api.approval.task");
    }

    private static String comment(Map<String, Object> body) {
        Object comment = body.get("comment");
        if (comment != null && !(comment instanceof String)) {
            throw new ValidationException(FieldError.of("comment", "api.approval.comment"));
        }
        return (String) comment;
    }

    /** The request a decision was made on: it goes on (ends, or asks the next step) once the decision has committed. */
    private static Map<String, Object> answer(Approval approval) {
        return Map.of("data", request(approval));
    }

    /** What a request is, as the API shows it. */
    private static LinkedHashMap<String, Object> request(Approval approval) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("approval", approval.id());
        shown.put("title", approval.title());
        shown.put("collection", approval.collection());
        shown.put("action", approval.action());
        shown.put("submitter", approval.submitter());
        shown.put("status", approval.status().name());
        shown.put("step", approval.nodeTitle());
        shown.put("createdAt", approval.createdAt());
        return shown;
    }
}
