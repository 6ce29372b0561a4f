package io.actionflow.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.platform.Role;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A workflow's title and trigger: what starts it, on which collection, and the settings of its type: local or global
 * (and on which actions), the associations to preload, what a custom action runs on, the changes a collection event
 * fires on; and whether it runs synchronously. Creates a workflow, or changes one (a version that has run stays as it
 * was, and the change becomes a new version).
 */
final class WorkflowDialog extends FormDialog {

    private final WorkflowService workflows;
    private final CollectionService collections;
    private final WorkflowDefinition existing;
    private final Consumer<WorkflowDefinition> onSaved;
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final Select<TriggerType> trigger = new Select<>();
    private final Select<String> collection = new Select<>();
    private final Select<String> contextType = new Select<>();
    private final Checkbox global = new Checkbox();
    private final CheckboxGroup<String> actions = new CheckboxGroup<>();
    private final MultiSelectComboBox<String> appends = new MultiSelectComboBox<>();
    private final CheckboxGroup<String> on = new CheckboxGroup<>();
    private final MultiSelectComboBox<String> changedFields = new MultiSelectComboBox<>();
    private final TextField condition = new TextField();
    private final Select<String> approvalMode = new Select<>();
    private final CheckboxGroup<String> startRoles = new CheckboxGroup<>();
    private final List<String> roleOrder;
    private final Checkbox synchronous = new Checkbox();
    private final com.vaadin.flow.component.textfield.IntegerField retries = new com.vaadin.flow.component.textfield.IntegerField();
    private final List<CollectionDefinition> all;
    private final ScheduleFields schedule = new ScheduleFields(this::getTranslation, getLocale());
    private final WebhookFields webhook = new WebhookFields(this::getTranslation);

    WorkflowDialog(WorkflowService workflows, CollectionService collections, io.actionflow.platform.Roles roles,
            Consumer<WorkflowDefinition> onCreated) {
        this(workflows, collections, roles, null, onCreated);
    }

    WorkflowDialog(WorkflowService workflows, CollectionService collections, io.actionflow.platform.Roles roles,
            WorkflowDefinition existing, Consumer<WorkflowDefinition> onSaved) {
        super(null);
        this.workflows = workflows;
        this.collections = collections;
        this.existing = existing;
        this.onSaved = onSaved;
        this.all = collections.list().stream().filter(c -> !c.builtIn()).toList();
        setHeaderTitle(existing == null ? getTranslation("workflows.new") : getTranslation("workflows.editTrigger", existing.title()));
        title.setLabel(getTranslation("workflows.title"));
        title.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("workflows.description"));
        trigger.setLabel(getTranslation("workflows.trigger"));
        trigger.setItems(TriggerType.values());
        trigger.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        trigger.setHelperText(" ");
        collection.setLabel(getTranslation("design.block.collection"));
        collection.setItems(all.stream().map(CollectionDefinition::name).toList());
        collection.setItemLabelGenerator(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                .map(CollectionDefinition::title).orElse(n));
        contextType.setLabel(getTranslation("workflows.contextType"));
        contextType.setItems("none", "single", "multiple");
        contextType.setItemLabelGenerator(c -> getTranslation("workflows.contextType." + c));
        global.setLabel(getTranslation("trigger.global"));
        actions.setLabel(getTranslation("trigger.actions"));
        actions.setItemLabelGenerator(a -> getTranslation("trigger.action." + a));
        appends.setLabel(getTranslation("trigger.appends"));
        appends.setHelperText(getTranslation("trigger.appends.help"));
        on.setLabel(getTranslation("trigger.on"));
        on.setItems("created", "updated", "deleted");
        on.setItemLabelGenerator(c -> getTranslation("trigger.on." + c));
        changedFields.setLabel(getTranslation("trigger.changedFields"));
        changedFields.setHelperText(getTranslation("trigger.changedFields.help"));
        condition.setLabel(getTranslation("trigger.condition"));
        condition.setHelperText(getTranslation("trigger.condition.help"));
        condition.addClassName("af-code");
        approvalMode.setLabel(getTranslation("trigger.approval.mode"));
        approvalMode.setItems("beforeSave", "afterSave");
        approvalMode.setItemLabelGenerator(m -> getTranslation("trigger.approval.mode." + m));
        approvalMode.setValue("beforeSave");
        startRoles.setLabel(getTranslation("trigger.approval.roles"));
        startRoles.setHelperText(getTranslation("trigger.approval.roles.help"));
        roleOrder = roles.list().stream().map(io.actionflow.platform.RoleDefinition::id).toList();
        startRoles.setItems(roleOrder);
        startRoles.setItemLabelGenerator(r -> roles.label(r, this::getTranslation));
        synchronous.setLabel(getTranslation("workflows.synchronous"));
        synchronous.addValueChangeListener(e -> adapt());
        retries.setLabel(getTranslation("workflows.retries"));
        retries.setHelperText(getTranslation("workflows.retries.help"));
        retries.setMin(0);
        retries.setMax(10);
        retries.setStepButtonsVisible(true);
        retries.setValue(0);
        errors.bind("retries", retries).bind("title", title).bind("triggerType", trigger).bind("collection", collection)
                .bind("contextType", contextType).bind("actions", actions).bind("appends", appends).bind("on", on)
                .bind("changedFields", changedFields).bind("condition", condition);
        schedule.bind(errors);
        webhook.bind(errors);
        schedule.mode.addValueChangeListener(e -> adapt());
        checks(WorkflowDraft.class).field("title", title).field("description", description);
        trigger.addValueChangeListener(e -> adapt());
        contextType.addValueChangeListener(e -> adapt());
        global.addValueChangeListener(e -> adapt());
        collection.addValueChangeListener(e -> fields());
        form.add(title, trigger, contextType);
        schedule.components().stream().limit(1).forEach(form::add);
        form.add(collection, global, actions, on, changedFields, condition, appends, approvalMode, startRoles);
        schedule.components().stream().skip(1).forEach(form::add);
        webhook.components().forEach(form::add);
        form.add(synchronous, retries, description);
        if (existing == null) {
            trigger.setValue(TriggerType.POST_ACTION);
            contextType.setValue("single");
            synchronous.setValue(true);
            // a new schedule is in the admin's own time zone, as the browser tells it
            UI.getCurrent().getPage().retrieveExtendedClientDetails(details ->
                    schedule.suggestZone(details.getTimeZoneId()));
        } else {
            fill(existing);
        }
    }

    private void fill(WorkflowDefinition workflow) {
        title.setValue(workflow.title());
        description.setValue(workflow.description() == null ? "" : workflow.description());
        trigger.setValue(workflow.triggerType());
        trigger.setReadOnly(true);
        Map<String, Object> config = workflow.triggerConfig();
        contextType.setValue(String.valueOf(config.getOrDefault("contextType", "single")));
        collection.setValue(config.get("collection") == null ? null : String.valueOf(config.get("collection")));
        global.setValue(Boolean.parseBoolean(String.valueOf(config.get("global"))));
        actions.setValue(new LinkedHashSet<>(strings(config.get("actions"))));
        appends.setValue(new LinkedHashSet<>(strings(config.get("appends"))));
        on.setValue(new LinkedHashSet<>(strings(config.get("on"))));
        changedFields.setValue(new LinkedHashSet<>(strings(config.get("changedFields"))));
        condition.setValue(config.get("condition") == null ? "" : String.valueOf(config.get("condition")));
        approvalMode.setValue("afterSave".equals(config.get("mode")) ? "afterSave" : "beforeSave");
        startRoles.setValue(new LinkedHashSet<>(strings(config.get("roles"))));
        synchronous.setValue(workflow.synchronous());
        retries.setValue(workflow.retries());
        if (workflow.triggerType() == TriggerType.SCHEDULE) {
            fields();
            schedule.fill(config);
        }
        if (workflow.triggerType() == TriggerType.WEBHOOK) {
            webhook.fill(config);
        }
        adapt();
    }

    private void adapt() {
        TriggerType type = trigger.getValue();
        boolean custom = type == TriggerType.CUSTOM_ACTION;
        boolean timed = type == TriggerType.SCHEDULE;
        boolean called = type == TriggerType.WEBHOOK;
        contextType.setVisible(custom);
        collection.setVisible(timed ? schedule.onDateField() : !called && (!custom || !"none".equals(contextType.getValue())));
        schedule.adapt(timed);
        webhook.show(called);
        global.setVisible(type == TriggerType.PRE_ACTION || type == TriggerType.POST_ACTION || type == TriggerType.APPROVAL);
        // new items clear the choice: what was ticked (and still fits) stays ticked
        var ticked = actions.getValue();
        var offered = type == TriggerType.PRE_ACTION ? List.of("create", "update", "destroy") : List.of("create", "update");
        actions.setItems(offered);
        actions.setValue(ticked.stream().filter(offered::contains).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        actions.setVisible(global.isVisible() && global.getValue());
        appends.setVisible(type == TriggerType.POST_ACTION || type == TriggerType.APPROVAL || custom && !"none".equals(contextType.getValue()));
        on.setVisible(type == TriggerType.COLLECTION);
        changedFields.setVisible(type == TriggerType.COLLECTION);
        condition.setVisible(type == TriggerType.COLLECTION || type == TriggerType.APPROVAL);
        approvalMode.setVisible(type == TriggerType.APPROVAL);
        // who submits for an approval; who may run a custom action on no record (admins always)
        boolean runners = custom && "none".equals(contextType.getValue());
        startRoles.setVisible(type == TriggerType.APPROVAL || runners);
        // admins may always run a custom action: they are not offered as a choice that would change nothing
        var tickedRoles = startRoles.getValue();
        var offeredRoles = runners ? roleOrder.stream().filter(r -> !Role.ADMIN_ID.equals(r)).toList() : roleOrder;
        if (!offeredRoles.equals(List.copyOf(startRoles.getListDataView().getItems().toList()))) {
            startRoles.setItems(offeredRoles);
            startRoles.setValue(tickedRoles.stream().filter(offeredRoles::contains)
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        }
        startRoles.setLabel(getTranslation(runners ? "trigger.custom.roles" : "trigger.approval.roles"));
        startRoles.setHelperText(getTranslation(runners ? "trigger.custom.roles.help" : "trigger.approval.roles.help"));
        synchronous.setVisible(type != TriggerType.PRE_ACTION && type != TriggerType.APPROVAL && !timed);
        retries.setVisible(type == TriggerType.APPROVAL || timed || synchronous.isVisible() && !synchronous.getValue());
        trigger.setHelperText(type == null ? null : getTranslation("trigger.help." + type.name().toLowerCase(java.util.Locale.ROOT)));
        fields();
    }

    /** The fields of the chosen collection: relations to preload, fields whose change fires an event. */
    private void fields() {
        var definition = all.stream().filter(c -> c.name().equals(collection.getValue())).findFirst().orElse(null);
        var keptAppends = appends.getValue();
        var keptFields = changedFields.getValue();
        appends.setItems(definition == null ? List.of() : definition.fields().stream()
                .filter(f -> f.type().isRelation()).map(FieldDefinition::name).toList());
        changedFields.setItems(definition == null ? List.of() : definition.columnFields().stream().map(FieldDefinition::name).toList());
        // fields by their titles: the technical name only where two share a title
        appends.setItemLabelGenerator(n -> FieldLabels.of(definition, n));
        schedule.collection(definition);
        changedFields.setItemLabelGenerator(n -> FieldLabels.of(definition, n));
        if (trigger.getValue() != null) {
            // the condition's variables: what this trigger gives, on this collection
            var config = new LinkedHashMap<String, Object>();
            if (collection.getValue() != null) {
                config.put("collection", collection.getValue());
            }
            condition.setSuffixComponent(VariablePicker.into(condition,
                    Variables.ofTrigger(trigger.getValue(), config, collections, this::getTranslation), false));
        }
        appends.setValue(keptAppends.stream().filter(a -> appends.getListDataView().contains(a)).collect(java.util.stream.Collectors.toSet()));
        changedFields.setValue(keptFields.stream().filter(f -> changedFields.getListDataView().contains(f)).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    protected void save() {
        var config = new LinkedHashMap<String, Object>();
        TriggerType type = trigger.getValue();
        if (type == TriggerType.SCHEDULE) {
            config.putAll(schedule.write());
        }
        if (type == TriggerType.WEBHOOK) {
            config.putAll(webhook.write());
        }
        if (collection.isVisible() && collection.getValue() != null) {
            config.put("collection", collection.getValue());
        }
        if (contextType.isVisible()) {
            config.put("contextType", contextType.getValue());
        }
        if (global.isVisible() && global.getValue()) {
            config.put("global", true);
            config.put("actions", List.copyOf(ordered(actions.getValue(), List.of("create", "update", "destroy"))));
        }
        if (appends.isVisible() && !appends.getValue().isEmpty()) {
            config.put("appends", List.copyOf(new java.util.TreeSet<>(appends.getValue())));
        }
        if (on.isVisible()) {
            config.put("on", ordered(on.getValue(), List.of("created", "updated", "deleted")));
            if (!changedFields.getValue().isEmpty()) {
                config.put("changedFields", List.copyOf(new java.util.TreeSet<>(changedFields.getValue())));
            }
        }
        if (condition.isVisible() && !condition.getValue().isBlank()) {
            config.put("condition", condition.getValue().strip());
        }
        if (approvalMode.isVisible()) {
            config.put("mode", approvalMode.getValue());
        }
        if (startRoles.isVisible() && !startRoles.getValue().isEmpty()) {
            config.put("roles", ordered(startRoles.getValue(), roleOrder));
        }
        boolean sync = synchronous.isVisible() && type != TriggerType.SCHEDULE ? synchronous.getValue() : type == TriggerType.PRE_ACTION;
        int retryCount = retries.isVisible() && retries.getValue() != null ? retries.getValue() : 0;
        var draft = new WorkflowDraft(title.getValue(), description.getValue(), type, config, sync, retryCount);
        if (existing == null) {
            var created = workflows.create(draft);
            Notices.success(getTranslation("workflows.created", created.title()));
            onSaved.accept(created);
        } else {
            onSaved.accept(workflows.update(existing.id(), draft));
        }
    }

    private static List<String> ordered(java.util.Set<String> chosen, List<String> order) {
        return order.stream().filter(chosen::contains).toList();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
