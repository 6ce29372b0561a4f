package io.actionflow.workflow.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.platform.ui.Notices;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/** Creates a workflow: its title, what triggers it, on which collection, and whether it runs synchronously. */
final class WorkflowDialog extends FormDialog {

    private final WorkflowService workflows;
    private final Consumer<WorkflowDefinition> onCreated;
    private final TextField title = new TextField();
    private final Select<TriggerType> trigger = new Select<>();
    private final Select<String> collection = new Select<>();
    private final Select<String> contextType = new Select<>();
    private final Checkbox synchronous = new Checkbox();

    WorkflowDialog(WorkflowService workflows, CollectionService collections, Consumer<WorkflowDefinition> onCreated) {
        super(null);
        this.workflows = workflows;
        this.onCreated = onCreated;
        setHeaderTitle(getTranslation("workflows.new"));
        title.setLabel(getTranslation("workflows.title"));
        title.setRequiredIndicatorVisible(true);
        trigger.setLabel(getTranslation("workflows.trigger"));
        trigger.setItems(TriggerType.values());
        trigger.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        collection.setLabel(getTranslation("design.block.collection"));
        var all = collections.list();
        collection.setItems(all.stream().map(CollectionDefinition::name).toList());
        collection.setItemLabelGenerator(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                .map(CollectionDefinition::title).orElse(n));
        contextType.setLabel(getTranslation("workflows.contextType"));
        contextType.setItems("none", "single", "multiple");
        contextType.setItemLabelGenerator(c -> getTranslation("workflows.contextType." + c));
        synchronous.setLabel(getTranslation("workflows.synchronous"));
        errors.bind("title", title).bind("triggerType", trigger).bind("collection", collection)
                .bind("contextType", contextType);
        trigger.addValueChangeListener(e -> adapt());
        form.add(title, trigger, contextType, collection, synchronous);
        trigger.setValue(TriggerType.POST_ACTION);
        contextType.setValue("single");
        synchronous.setValue(true);
    }

    private void adapt() {
        TriggerType type = trigger.getValue();
        contextType.setVisible(type == TriggerType.CUSTOM_ACTION);
        synchronous.setVisible(type != TriggerType.PRE_ACTION && type != TriggerType.APPROVAL);
    }

    @Override
    protected void save() {
        var config = new LinkedHashMap<String, Object>();
        if (collection.getValue() != null) {
            config.put("collection", collection.getValue());
        }
        if (trigger.getValue() == TriggerType.CUSTOM_ACTION) {
            config.put("contextType", contextType.getValue());
        }
        var created = workflows.create(new WorkflowDraft(title.getValue(), null, trigger.getValue(), config,
                synchronous.isVisible() ? synchronous.getValue() : trigger.getValue() == TriggerType.PRE_ACTION, 0));
        Notices.success(getTranslation("workflows.created", created.title()));
        onCreated.accept(created);
    }
}
