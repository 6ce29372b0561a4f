package io.actionflow.workflow.ui;

import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.workflow.WorkflowDraft;
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
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    @SuppressWarnings("unchecked")
    void a_schedule_shows_its_next_fires_refuses_a_wrong_cron_on_its_field_and_is_saved_with_a_summary() {
        signIn("admin");
        var created = new AtomicReference<WorkflowDefinition>();
        new WorkflowDialog(workflows, collections, roles, created::set).open();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Morning reminder " + UUID.randomUUID());
        _setValue(_get(Select.class, spec -> spec.withLabel("Trigger")), TriggerType.SCHEDULE);
        // what a schedule does not have is not shown: no collection for fixed times, no synchronous choice
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Select.class, spec -> spec.withLabel("Collection"))).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Checkbox.class, spec -> spec.withLabel("Run synchronously (the user waits and sees its messages)"))).isEmpty();
        com.vaadin.flow.component.combobox.ComboBox<String> zone = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withLabel("Time zone"));
        _setValue(zone, "Europe/Amsterdam");
        _setValue(_get(com.vaadin.flow.component.timepicker.TimePicker.class, spec -> spec.withLabel("At")),
                java.time.LocalTime.of(8, 0));
        var preview = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("af-next-fires"));
        assertThat(preview.getElement().getTextRecursively()).startsWith("Next fires (Europe/Amsterdam):").contains("8:00");
        assertThat(preview.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.UnorderedList).findFirst()
                .orElseThrow().getChildren().count()).isEqualTo(5);

        // a cron with an hour 25: refused on its field, nothing saved
        Select<String> repeat = _get(Select.class, spec -> spec.withLabel("Repeats"));
        _setValue(repeat, "cron");
        var cron = _get(TextField.class, spec -> spec.withLabel("Cron expression"));
        _setValue(cron, "0 25 * * *");
        assertThat(preview.getElement().getTextRecursively()).startsWith("This cron expression cannot be read");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(cron.isInvalid()).isTrue();
        assertThat(cron.getErrorMessage()).startsWith("This cron expression cannot be read");
        assertThat(created.get()).isNull();

        _setValue(cron, "30 7 * * 1-5");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var saved = workflows.get(created.get().id());
        assertThat(saved.triggerType()).isEqualTo(TriggerType.SCHEDULE);
        assertThat(saved.synchronous()).isFalse();
        assertThat(saved.triggerConfig()).containsEntry("repeat", "cron").containsEntry("cron", "30 7 * * 1-5")
                .containsEntry("timeZone", "Europe/Amsterdam").containsEntry("missed", "runOnce").doesNotContainKey("collection");

        // opened again, it shows what was saved
        new WorkflowDialog(workflows, collections, roles, saved, created::set).open();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Cron expression").withValue("30 7 * * 1-5")).isVisible()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_date_field_schedule_offers_the_date_fields_of_its_collection_and_says_when_it_fires() {
        signIn("admin");
        String orders = "sched_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("due_date", FieldType.DATE,
                FieldSettings.titled("Due date")));
        collections.addField(orders, FieldDraft.of("item", FieldType.TEXT,
                FieldSettings.titled("Item")));
        var created = new AtomicReference<WorkflowDefinition>();
        new WorkflowDialog(workflows, collections, roles, created::set).open();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Due soon " + orders);
        _setValue(_get(Select.class, spec -> spec.withLabel("Trigger")), TriggerType.SCHEDULE);
        _setValue(_get(Select.class, spec -> spec.withLabel("Fires")), "dateField");
        _setValue(_get(Select.class, spec -> spec.withLabel("Collection")), orders);
        Select<String> field = _get(Select.class, spec -> spec.withLabel("Date field"));
        assertThat(field.getListDataView().getItems().toList()).containsExactly("due_date");
        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Offset")), 3);
        var preview = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("af-next-fires"));
        assertThat(preview.getElement().getTextRecursively()).isEqualTo("3 days before Due date");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(workflows.get(created.get().id()).triggerConfig()).containsEntry("mode", "dateField")
                .containsEntry("collection", orders).containsEntry("field", "due_date").containsEntry("offset", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_webhook_refuses_a_header_it_may_not_pass_on_and_its_editor_makes_the_secret_once_and_sends_a_test_delivery() {
        signIn("admin");
        var created = new AtomicReference<WorkflowDefinition>();
        new WorkflowDialog(workflows, collections, roles, created::set).open();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Payments in " + UUID.randomUUID());
        _setValue(_get(Select.class, spec -> spec.withLabel("Trigger")), TriggerType.WEBHOOK);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Select.class, spec -> spec.withLabel("Collection"))).isEmpty();
        var headers = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Headers passed to the workflow"));
        _setValue(headers, "X-Shop\nAuthorization");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(headers.isInvalid()).isTrue();
        assertThat(headers.getErrorMessage()).contains("authorization is not a header name");
        assertThat(created.get()).isNull();
        _setValue(headers, "X-Shop");
        // a rate the server would refuse is shown on its input
        var rate = _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Calls a second at most"));
        _setValue(rate, 0);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(created.get()).isNull();
        assertThat(rate.isInvalid()).isTrue();
        _setValue(rate, 20);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var saved = workflows.get(created.get().id());
        assertThat(saved.triggerConfig()).containsEntry("auth", "hmac").containsEntry("methods", List.of("POST"))
                .containsEntry("headers", List.of("X-Shop")).containsEntry("rate", 20);

        navigate("admin/workflows/" + saved.id());
        _click(_get(Button.class, spec -> spec.withText("Make the secret")));
        var secret = _get(TextField.class, spec -> spec.withClasses("af-webhook-secret"));
        assertThat(secret.getValue()).hasSizeGreaterThan(30);
        assertThat(secret.getHelperText()).contains("shown this once");
        assertThat(_get(TextField.class, spec -> spec.withClasses("af-webhook-url")).getValue()).contains("/api/webhooks/");
        // the secret stays in its own dialog until the admin closes it
        _click(_get(Button.class, spec -> spec.withText("I have copied it")));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TextField.class, spec -> spec.withClasses("af-webhook-secret"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Enable")));
        navigate("admin/workflows/" + saved.id());
        // shown once: opened again, the secret is not there
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TextField.class, spec -> spec.withClasses("af-webhook-secret"))).isEmpty();
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Send a test delivery")));
        var notices = com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications();
        assertThat(notices).hasSize(1);
        String said = notices.getFirst().getElement().getProperty("text") != null ? notices.getFirst().getElement().getProperty("text")
                : notices.getFirst().getElement().getTextRecursively();
        // synchronous, as the dialog offers first: it ran within the call and answered its execution
        assertThat(said).startsWith("Test delivery answered 200: {\"data\":{\"executionId\":").contains("\"status\":\"RESOLVED\"");
    }

    @Test
    void a_new_schedule_starts_in_the_browsers_time_zone_and_one_chosen_or_unknown_is_kept() {
        var fields = new ScheduleFields((key, args) -> key, java.util.Locale.ENGLISH);
        fields.suggestZone("Asia/Tokyo");
        assertThat(fields.write()).containsEntry("timeZone", "Asia/Tokyo");
        fields.suggestZone("Not/A_Zone");
        assertThat(fields.write()).containsEntry("timeZone", "Asia/Tokyo");
        var chosen = new ScheduleFields((key, args) -> key, java.util.Locale.ENGLISH);
        chosen.fill(java.util.Map.of("repeat", "daily", "at", "08:00", "timeZone", "Europe/Amsterdam"));
        chosen.suggestZone("Asia/Tokyo");
        assertThat(chosen.write()).containsEntry("timeZone", "Europe/Amsterdam");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_schedules_canvas_offers_only_the_node_types_it_can_hold() {
        signIn("admin");
        var schedule = workflows.create(new WorkflowDraft("Offered " + UUID.randomUUID(), null, TriggerType.SCHEDULE,
                java.util.Map.of("repeat", "daily", "at", "08:00", "timeZone", "UTC"), false, 0));
        navigate("admin/workflows/" + schedule.id());
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        Select<String> type = _get(Select.class, spec -> spec.withLabel("Type"));
        assertThat(type.getListDataView().getItems().toList()).contains("create", "query", "notification", "email", "delay")
                .doesNotContain("response-message", "approval", "update-submitted", "webhook-response");
        // nobody started a schedule: a new notification names no one for the admin to replace
        _setValue(type, "notification");
        assertThat(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Users to notify")).getValue()).isEmpty();
    }
}
