package io.actionflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.platform.Roles;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.WorkflowDefinition;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The title and trigger dialog of a workflow: filled as a global one, its type changed, refused without a title, saved. */
class WorkflowDialogTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    Roles roles;

    @Test
    @SuppressWarnings("unchecked")
    void a_new_global_workflow_keeps_the_actions_it_still_fits_when_its_type_changes_and_a_title_is_required() {
        signIn("admin");
        String orders = "orders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        var created = new AtomicReference<WorkflowDefinition>();
        new WorkflowDialog(workflows, collections, roles, created::set).open();

        Select<TriggerType> trigger = _get(Select.class, spec -> spec.withLabel("Trigger"));
        _setValue(trigger, TriggerType.PRE_ACTION);
        Select<String> collection = _get(Select.class, spec -> spec.withLabel("Collection"));
        _setValue(collection, orders);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(
                "Global: runs for every action on the collection, bound to a button or not")), true);
        CheckboxGroup<String> actions = _get(CheckboxGroup.class, spec -> spec.withLabel("On these actions"));
        _setValue(actions, Set.of("update", "destroy"));

        // a post-action has no destroy: update stays ticked, destroy goes
        _setValue(trigger, TriggerType.POST_ACTION);
        assertThat(actions.getValue()).containsExactly("update");

        // bad input: no title, refused on the field, nothing saved
        var title = _get(TextField.class, spec -> spec.withLabel("Title"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(created.get()).isNull();

        _setValue(title, "Stamp " + orders);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var saved = workflows.get(created.get().id());
        assertThat(saved.title()).isEqualTo("Stamp " + orders);
        assertThat(saved.triggerType()).isEqualTo(TriggerType.POST_ACTION);
        assertThat(saved.triggerConfig().get("global")).isEqualTo(true);
        assertThat((List<String>) saved.triggerConfig().get("actions")).containsExactly("update");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_title_over_its_length_is_marked_as_typed_and_a_custom_action_on_no_record_names_who_may_run_it() {
        signIn("admin");
        var created = new AtomicReference<WorkflowDefinition>();
        new WorkflowDialog(workflows, collections, roles, created::set).open();

        var title = _get(TextField.class, spec -> spec.withLabel("Title"));
        _setValue(title, "x".repeat(201));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Use at most 200 characters.");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(created.get()).isNull();
        assertThat(title.isInvalid()).isTrue();

        _setValue(title, "Nightly clean-up " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(title.isInvalid()).isFalse();
        _setValue(_get(Select.class, spec -> spec.withLabel("Trigger")), TriggerType.CUSTOM_ACTION);
        _setValue(_get(Select.class, spec -> spec.withLabel("Acts on")), "none");
        CheckboxGroup<String> runners = _get(CheckboxGroup.class, spec -> spec.withLabel("Who may run it"));
        assertThat(runners.getHelperText()).contains("only admins and the roles ticked here");
        assertThat(runners.getListDataView().getItems().toList()).as("admins always may: not a choice").contains("member")
                .doesNotContain("admin");
        _setValue(runners, Set.of("member"));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var saved = workflows.get(created.get().id());
        assertThat(saved.triggerConfig()).containsEntry("contextType", "none").containsEntry("roles", List.of("member"));
    }
}
