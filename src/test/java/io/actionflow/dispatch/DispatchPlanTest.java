package io.actionflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.EnabledWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run order of one click, asserted exactly (mission.md, "Ordering when one button has several workflows"). */
class DispatchPlanTest {

    private final List<EnabledWorkflow> enabled = new ArrayList<>();
    private long ids;

    @Test
    void pre_action_first_then_post_action_sync_before_async_bound_before_global_in_configured_order() {
        pre("b1", false);
        pre("b2", false);
        pre("g-pre", true);
        post("p1", true, false);
        post("a1", false, false);
        post("a2", false, false);
        post("g-post-sync", true, true);
        post("g-post-async", false, true);
        var approval = add("ap", TriggerType.APPROVAL, false, new TriggerConfig.Approval("orders", true, List.of(), null, false, Set.of(), List.of()));

        var plan = plan(Action.CREATE, "b2", "a2", "p1", "b1", "a1", "ap");

        assertThat(keys(plan.preAction())).containsExactly("b2", "b1", "g-pre");
        assertThat(keys(plan.postActionSync())).containsExactly("p1", "g-post-sync");
        assertThat(keys(plan.postActionAsync())).containsExactly("a2", "a1", "g-post-async");
        assertThat(keys(plan.approval())).containsExactly(approval.key());
        assertThat(keys(plan.inOrder())).containsExactly("b2", "b1", "g-pre", "p1", "g-post-sync", "ap", "a2", "a1", "g-post-async");
        assertThat(plan.inOrder()).filteredOn(DispatchPlan.Step::global).extracting(s -> s.workflow().key())
                .containsExactly("g-pre", "g-post-sync", "g-post-async");
        assertThat(plan.refusal()).isEmpty();
    }

    @Test
    void global_workflows_fire_only_for_the_actions_they_tick_and_a_bound_one_runs_once() {
        add("g-delete", TriggerType.PRE_ACTION, true, new TriggerConfig.PreAction("orders", true, Set.of(TriggerConfig.DataAction.DESTROY)));
        add("g-create", TriggerType.PRE_ACTION, true, new TriggerConfig.PreAction("orders", true, Set.of(TriggerConfig.DataAction.CREATE)));
        add("elsewhere", TriggerType.PRE_ACTION, true, new TriggerConfig.PreAction("tickets", true, Set.of(TriggerConfig.DataAction.DESTROY)));
        post("g-post", true, true);

        assertThat(keys(plan(Action.DESTROY).inOrder())).containsExactly("g-delete");
        assertThat(keys(plan(Action.CREATE).inOrder())).containsExactly("g-create", "g-post");
        assertThat(keys(plan(Action.CREATE, "g-post").inOrder())).containsExactly("g-create", "g-post");
        assertThat(plan(Action.CREATE, "g-post").postActionSync().getFirst().global()).isFalse();
    }

    @Test
    void disabled_or_deleted_workflows_are_left_out_and_reported_as_stale() {
        pre("on", false);

        var plan = plan(Action.UPDATE, "gone", "on");

        assertThat(keys(plan.inOrder())).containsExactly("on");
        assertThat(plan.stale()).extracting(WorkflowBinding::workflowKey).containsExactly("gone");
    }

    @Test
    void a_binding_the_action_does_not_support_refuses_the_request_naming_workflow_and_type() {
        post("after", true, false);
        add("escalate", TriggerType.CUSTOM_ACTION, true, new TriggerConfig.CustomAction(TriggerConfig.ContextType.SINGLE, "orders", List.of(), List.of()));
        add("other", TriggerType.PRE_ACTION, true, new TriggerConfig.PreAction("tickets", false, Set.of()));

        assertThat(plan(Action.DESTROY, "after").refusal()).hasValue(
                new DispatchPlan.Refusal("after", TriggerType.POST_ACTION, DispatchPlan.Refusal.Reason.TYPE, null));
        assertThat(plan(Action.CREATE, "escalate").refusal()).hasValue(
                new DispatchPlan.Refusal("escalate", TriggerType.CUSTOM_ACTION, DispatchPlan.Refusal.Reason.TYPE, null));
        assertThat(plan(Action.CREATE, "other").refusal()).as("a workflow on another collection")
                .hasValue(new DispatchPlan.Refusal("other", TriggerType.PRE_ACTION, DispatchPlan.Refusal.Reason.COLLECTION, "tickets"));
        assertThat(keys(plan(Action.TRIGGER, "escalate").customSync())).containsExactly("escalate");
    }

    @Test
    void custom_actions_run_synchronous_first_in_configured_order() {
        add("later", TriggerType.CUSTOM_ACTION, false, new TriggerConfig.CustomAction(TriggerConfig.ContextType.SINGLE, "orders", List.of(), List.of()));
        add("now2", TriggerType.CUSTOM_ACTION, true, new TriggerConfig.CustomAction(TriggerConfig.ContextType.SINGLE, "orders", List.of(), List.of()));
        add("now1", TriggerType.CUSTOM_ACTION, true, new TriggerConfig.CustomAction(TriggerConfig.ContextType.NONE, null, List.of(), List.of()));

        assertThat(keys(plan(Action.TRIGGER, "later", "now1", "now2").inOrder())).containsExactly("now1", "now2", "later");
    }

    private DispatchPlan plan(Action action, String... bound) {
        var bindings = java.util.Arrays.stream(bound).map(k -> new WorkflowBinding(k, null)).toList();
        Map<String, EnabledWorkflow> byKey = new java.util.HashMap<>();
        enabled.forEach(w -> byKey.put(w.key(), w));
        // the directory lists enabled workflows by title, then key
        var sorted = enabled.stream().sorted(java.util.Comparator.comparing(EnabledWorkflow::title)).toList();
        return DispatchPlan.of(action, "orders", bindings, sorted, k -> Optional.ofNullable(byKey.get(k)));
    }

    private void pre(String key, boolean global) {
        add(key, TriggerType.PRE_ACTION, true, new TriggerConfig.PreAction("orders", global,
                global ? Set.of(TriggerConfig.DataAction.CREATE, TriggerConfig.DataAction.UPDATE) : Set.of()));
    }

    private void post(String key, boolean synchronous, boolean global) {
        add(key, TriggerType.POST_ACTION, synchronous, new TriggerConfig.PostAction("orders", global,
                global ? Set.of(TriggerConfig.DataAction.CREATE) : Set.of(), List.of()));
    }

    private EnabledWorkflow add(String key, TriggerType type, boolean synchronous, TriggerConfig trigger) {
        var workflow = new EnabledWorkflow(++ids, key, 1, key, type, synchronous, trigger);
        enabled.add(workflow);
        return workflow;
    }

    private static List<String> keys(List<DispatchPlan.Step> steps) {
        return steps.stream().map(s -> s.workflow().key()).toList();
    }
}
