package io.actionflow.dispatch;

import io.actionflow.approval.ApprovalService;
import io.actionflow.approval.Submission;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.workflow.WorkflowRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Approval workflows: whether one applies to a click (its roles, then its condition on the typed values, as after the
 * pre-action workflows), and what it does: before save, the submission is held, nothing written, and written later
 * as the click would have written it; after save, the written records wait for approval, locked. It reaches the
 * action's own records only. The one place that encodes a held click and decodes it again ({@link #released}).
 */
@Component
class ApprovalTrigger {

    private final ApprovalService approvals;
    private final RecordService records;
    private final CollectionService collections;
    private final WorkflowRunner runner;
    private final RecordData data;

    ApprovalTrigger(ApprovalService approvals, RecordService records, CollectionService collections, WorkflowRunner runner,
            RecordData data) {
        this.approvals = approvals;
        this.records = records;
        this.collections = collections;
        this.runner = runner;
        this.data = data;
    }

    /** The approval steps that apply to this role: a global approval holds only what the roles it names submit. */
    static List<DispatchPlan.Step> forRole(DispatchPlan plan, String role) {
        return plan.approval().stream().filter(s -> !s.global() || trigger(s).appliesTo(role)).toList();
    }

    /** Why the click cannot go to approval: several approvals apply, or the one that does is not for this role. */
    static Optional<ActionResult> refusal(List<DispatchPlan.Step> steps, String role) {
        if (steps.size() > 1) {
            return Optional.of(Failures.blocked("dispatch.approval.several",
                    String.join(", ", steps.stream().map(s -> s.workflow().title()).toList())));
        }
        if (!steps.isEmpty() && !trigger(steps.getFirst()).roles().isEmpty() && !trigger(steps.getFirst()).roles().contains(role)) {
            return Optional.of(Failures.blocked("dispatch.approval.notAllowed", steps.getFirst().workflow().title()));
        }
        return Optional.empty();
    }

    /** The approval that holds this submission, or empty when its condition does not hold for these values. */
    Optional<DispatchPlan.Step> applying(Click click, List<DispatchPlan.Step> steps, Map<String, Object> values) {
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        var step = steps.getFirst();
        if (trigger(step).condition() == null) {
            return Optional.of(step);
        }
        var context = click.context();
        var seen = new LinkedHashMap<String, Object>();
        if (click.recordIds().size() == 1) {
            data.get(click.collection(), click.recordIds().getFirst()).ifPresent(r -> seen.putAll(RecordData.of(r)));
        }
        seen.putAll(values);
        context.put("data", seen);
        context.put("action", click.actionName());
        return runner.holds(trigger(step).condition(), context) ? Optional.of(step) : Optional.empty();
    }

    static boolean beforeSave(DispatchPlan.Step step) {
        return trigger(step).beforeSave();
    }

    /**
     * Before save: nothing is written now. The submission (checked as the action would check it) is held with what is
     * needed to write it later, and the approval workflow is queued; one request per record of a bulk update.
     */
    ActionResult hold(Click click, DispatchPlan.Step step, Map<String, Object> values, List<Message> messages) {
        List<Long> targets = click.action() == Action.CREATE ? Collections.singletonList(null) : click.recordIds();
        var submitted = new ArrayList<Long>();
        for (Long recordId : targets) {
            records.check(click.collection(), recordId, values);
            var context = click.context();
            var held = new LinkedHashMap<String, Object>();
            if (recordId != null) {
                held.put("id", recordId);
            }
            held.putAll(values);
            context.put("data", held);
            context.put("action", click.actionName());
            context.put("collection", click.collection());
            submitted.add(approvals.submit(new Submission(step.workflow().id(), step.workflow().key(),
                    title(step, click.collection(), values), click.collection(), click.actionName(), recordId, true,
                    new LinkedHashMap<>(values), encode(click.request()), click.request().operator(), context, click.origin())).id());
        }
        messages.add(Message.key(Message.Level.SUCCESS, "dispatch.submittedForApproval"));
        return new ActionResult.Held(submitted, messages);
    }

    /** After save: the saved records wait for approval, locked against edits until it ends. */
    ActionResult submit(Click click, DispatchPlan.Step step, List<StoredRecord> written, List<Message> messages) {
        var submitted = new ArrayList<Long>();
        for (StoredRecord record : written) {
            var context = click.context();
            context.put("data", data.withAppends(click.collection(), record, trigger(step).appends()));
            context.put("action", click.actionName());
            context.put("collection", click.collection());
            submitted.add(approvals.submit(new Submission(step.workflow().id(), step.workflow().key(),
                    title(step, click.collection(), record.values()), click.collection(), click.actionName(), record.id(), false,
                    RecordData.of(record), encode(click.request()), click.request().operator(), context, click.origin())).id());
        }
        messages.add(Message.key(Message.Level.SUCCESS, "dispatch.submittedForApproval"));
        return new ActionResult.Held(submitted, messages);
    }

    /** The records of these ids that wait for an after-save approval. */
    List<Long> locked(String collection, List<Long> ids) {
        return approvals.locked(collection, ids).stream().sorted().toList();
    }

    /** The click a held submission was, to be written now it is approved: who asked, from where, with which bindings. */
    static ActionRequest released(String collection, String action, Long recordId, Map<String, Object> values,
            Map<String, Object> held) {
        return new ActionRequest(collection, Action.valueOf(action.toUpperCase(Locale.ROOT)),
                recordId == null ? List.of() : List.of(recordId), values, bindings(held), text(held.get("operator")),
                text(held.get("role")), "API".equals(held.get("source")) ? ActionSource.API : ActionSource.UI, button(held));
    }

    /** How a request is listed: the approval workflow's title, and the submitted record's title when it has one. */
    private String title(DispatchPlan.Step step, String collection, Map<String, Object> values) {
        String titleField = collections.find(collection).map(c -> c.titleField()).orElse(null);
        Object title = titleField == null ? null : values.get(titleField);
        return title == null || String.valueOf(title).isBlank() ? step.workflow().title()
                : step.workflow().title() + " · " + title;
    }

    /** What a held submission needs to be written later as this request would write it. */
    private static Map<String, Object> encode(ActionRequest request) {
        var held = new LinkedHashMap<String, Object>();
        held.put("operator", request.operator());
        held.put("role", request.role());
        held.put("source", request.source().name());
        var bindings = new ArrayList<Map<String, Object>>();
        for (WorkflowBinding binding : request.bindings()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("workflowKey", binding.workflowKey());
            entry.put("associationPath", binding.associationPath());
            bindings.add(entry);
        }
        held.put("bindings", bindings);
        var button = request.button();
        if (button != null) {
            held.put("button", Map.of("pageId", button.pageId(), "blockId", button.blockId(), "buttonId", button.buttonId(),
                    "label", button.label() == null ? "" : button.label()));
        }
        return held;
    }

    private static List<WorkflowBinding> bindings(Map<String, Object> held) {
        var bindings = new ArrayList<WorkflowBinding>();
        if (held.get("bindings") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("workflowKey") instanceof String key) {
                    bindings.add(new WorkflowBinding(key, map.get("associationPath") instanceof String path ? path : null));
                }
            }
        }
        return bindings;
    }

    private static ButtonReference button(Map<String, Object> held) {
        if (held.get("button") instanceof Map<?, ?> button && button.get("pageId") instanceof Number page
                && button.get("blockId") instanceof Number block && button.get("buttonId") instanceof Number id) {
            String label = button.get("label") instanceof String l && !l.isEmpty() ? l : null;
            return new ButtonReference(page.longValue(), block.longValue(), id.longValue(), label);
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static TriggerConfig.Approval trigger(DispatchPlan.Step step) {
        return (TriggerConfig.Approval) step.workflow().trigger();
    }
}
