package io.actionflow.dispatch;

import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerConfig.DataAction;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.EnabledWorkflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one click or call will run, in order (mission.md, "Ordering when one button has several workflows"):
 * <ol>
 * <li>pre-action workflows, always synchronous, before the action: bound ones in the configured order, then global ones;</li>
 * <li>the action;</li>
 * <li>post-action workflows, synchronous before asynchronous, each group bound first (in the configured order) and
 * then global; and approvals. Post-action and approval workflows have no order relative to each other: we run
 * post-action first, always, but that is not a contract.</li>
 * </ol>
 * A Trigger workflow button runs its custom-action workflows, synchronous before asynchronous, in the configured order.
 * Bindings whose workflow is disabled or gone are left out (and listed as {@link #stale}); a binding of a workflow type
 * the action does not support refuses the whole request ({@link #refusal}).
 */
public record DispatchPlan(List<Step> preAction, List<Step> postActionSync, List<Step> postActionAsync,
        List<Step> approval, List<Step> customSync, List<Step> customAsync, List<WorkflowBinding> stale,
        Optional<Refusal> refusal) {

    /** One workflow to run; {@code associationPath} names the to-one relation whose record it runs for, or is null. */
    public record Step(EnabledWorkflow workflow, String associationPath, boolean global) {
    }

    /**
     * A binding the action cannot run: the workflow, its type, and why: a type the button does not support, a workflow
     * on another collection ({@code detail} names it), or an association path that is no to-one relation, or that the
     * workflow type cannot run through ({@code detail} is the path).
     */
    public record Refusal(String workflowTitle, TriggerType type, Reason reason, String detail) {

        public enum Reason { TYPE, COLLECTION, ASSOCIATION }

        /** Why, for people: {@code typeKey} is the message for a type the button does not run, given {@code button}. */
        public io.actionflow.platform.Text text(String typeKey, Object button) {
            return switch (reason) {
                case TYPE -> io.actionflow.platform.Text.of(typeKey, workflowTitle, io.actionflow.platform.Text.of(type.labelKey()), button);
                case COLLECTION -> io.actionflow.platform.Text.of("dispatch.otherCollection", workflowTitle, detail);
                case ASSOCIATION -> io.actionflow.platform.Text.of("dispatch.association", workflowTitle, detail);
            };
        }
    }

    /** The same plan with other approval steps (a global approval that does not apply to the caller's role left out). */
    DispatchPlan withApproval(List<Step> steps) {
        return new DispatchPlan(preAction, postActionSync, postActionAsync, List.copyOf(steps), customSync, customAsync, stale, refusal);
    }

    /** Every step, in run order. */
    public List<Step> inOrder() {
        var all = new ArrayList<Step>();
        all.addAll(preAction);
        all.addAll(postActionSync);
        all.addAll(approval);
        all.addAll(postActionAsync);
        all.addAll(customSync);
        all.addAll(customAsync);
        return all;
    }

    /**
     * Plans {@code action} on {@code collection} with the {@code bindings} of the button or call, among the
     * {@code enabled} workflows (which come in the stable order of global workflows: by title, then key).
     */
    public static DispatchPlan of(Action action, String collection, List<WorkflowBinding> bindings,
            List<EnabledWorkflow> enabled, Function<String, Optional<EnabledWorkflow>> byKey) {
        return of(action, collection, bindings, enabled, byKey, (from, path) -> null);
    }

    /**
     * As above; {@code associationTarget} names the collection a to-one relation of a collection points to (null when
     * there is no such relation): a binding with an association path runs a workflow on that collection.
     */
    public static DispatchPlan of(Action action, String collection, List<WorkflowBinding> bindings,
            List<EnabledWorkflow> enabled, Function<String, Optional<EnabledWorkflow>> byKey,
            java.util.function.BiFunction<String, String, String> associationTarget) {
        var bound = new ArrayList<Step>();
        var stale = new ArrayList<WorkflowBinding>();
        for (WorkflowBinding binding : bindings) {
            var workflow = byKey.apply(binding.workflowKey()).orElse(null);
            if (workflow == null) {
                stale.add(binding);
                continue;
            }
            boolean associated = binding.associationPath() != null && !binding.associationPath().isBlank();
            String subject = associated ? associationTarget.apply(collection, binding.associationPath()) : collection;
            if (!SupportMatrix.supports(action, workflow.type())) {
                return refused(new Refusal(workflow.title(), workflow.type(), Refusal.Reason.TYPE, null));
            }
            // post-action and custom-action workflows may run for the record a to-one relation points to
            if (associated && (subject == null
                    || workflow.type() != TriggerType.POST_ACTION && workflow.type() != TriggerType.CUSTOM_ACTION)) {
                return refused(new Refusal(workflow.title(), workflow.type(), Refusal.Reason.ASSOCIATION, binding.associationPath()));
            }
            if (!onCollection(workflow, subject)) {
                return refused(new Refusal(workflow.title(), workflow.type(), Refusal.Reason.COLLECTION,
                        workflow.trigger().collection()));
            }
            bound.add(new Step(workflow, binding.associationPath(), false));
        }
        var boundIds = new LinkedHashSet<Long>();
        bound.forEach(s -> boundIds.add(s.workflow().id()));
        var global = enabled.stream()
                .filter(w -> !boundIds.contains(w.id()) && isGlobalFor(w, action, collection))
                .map(w -> new Step(w, null, true))
                .toList();

        var pre = new ArrayList<Step>();
        var postSync = new ArrayList<Step>();
        var postAsync = new ArrayList<Step>();
        var approval = new ArrayList<Step>();
        var customSync = new ArrayList<Step>();
        var customAsync = new ArrayList<Step>();
        for (List<Step> group : List.of(bound, global)) {
            for (Step step : group) {
                switch (step.workflow().type()) {
                    case PRE_ACTION -> pre.add(step);
                    case POST_ACTION -> (step.workflow().synchronous() ? postSync : postAsync).add(step);
                    case APPROVAL -> approval.add(step);
                    case CUSTOM_ACTION -> (step.workflow().synchronous() ? customSync : customAsync).add(step);
                    case COLLECTION -> { }
                }
            }
        }
        return new DispatchPlan(List.copyOf(pre), List.copyOf(postSync), List.copyOf(postAsync), List.copyOf(approval),
                List.copyOf(customSync), List.copyOf(customAsync), List.copyOf(stale), Optional.empty());
    }

    private static DispatchPlan refused(Refusal refusal) {
        return new DispatchPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.of(refusal));
    }

    /** A workflow on another collection cannot be bound (a custom action without context fits everywhere). */
    private static boolean onCollection(EnabledWorkflow workflow, String collection) {
        String own = workflow.trigger().collection();
        return own == null || collection == null || Objects.equals(own, collection);
    }

    private static boolean isGlobalFor(EnabledWorkflow workflow, Action action, String collection) {
        if (!Objects.equals(workflow.trigger().collection(), collection)) {
            return false;
        }
        DataAction data = switch (action) {
            case CREATE -> DataAction.CREATE;
            case UPDATE -> DataAction.UPDATE;
            case DESTROY -> DataAction.DESTROY;
            case TRIGGER -> null;
        };
        return data != null && SupportMatrix.supports(action, workflow.type()) && switch (workflow.trigger()) {
            case TriggerConfig.PreAction pre -> pre.appliesGlobally(data);
            case TriggerConfig.PostAction post -> post.appliesGlobally(data);
            case TriggerConfig.Approval approval -> approval.appliesGlobally(data);
            default -> false;
        };
    }
}
