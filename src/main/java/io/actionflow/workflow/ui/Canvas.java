package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.actionflow.workflow.JobView;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.nodes.SwitchNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A workflow drawn top-down: the trigger card, then the node cards, branches side by side, and a "+" between cards to
 * insert a node. With results (a test run or an execution), each card shows how its node ended.
 */
final class Canvas extends Div {

    /** Where "+" inserts: into the chain of {@code parentKey}'s {@code branch} (null parent: the main chain), at {@code index}. */
    record Slot(String parentKey, String branch, int index) {
    }

    private final Consumer<Slot> onInsert;
    private final Consumer<NodeDef> onOpen;
    private final boolean editable;
    private final java.util.function.Function<NodeDef, String> summary;

    Canvas(WorkflowDefinition workflow, String collectionTitle, Map<String, JobView> results, boolean editable,
            java.util.function.Function<NodeDef, String> summary, Consumer<Slot> onInsert, Consumer<NodeDef> onOpen,
            Runnable onTrigger) {
        this.summary = summary;
        this.onInsert = onInsert;
        this.onOpen = onOpen;
        this.editable = editable;
        addClassName("af-canvas");
        var trigger = new Div(new Span(getTranslation(workflow.triggerType().labelKey())),
                new Span(collectionTitle == null ? "" : collectionTitle),
                new Span(getTranslation(workflow.synchronous() ? "workflows.sync" : "workflows.async")));
        trigger.addClassNames("af-card-node", "af-trigger-card");
        if (workflow.triggerConfig().get("condition") instanceof String condition && !condition.isBlank()) {
            // when it starts at all (collection events, approvals)
            var only = new Span(getTranslation("trigger.card.condition", condition));
            only.addClassNames("af-code", "af-muted");
            trigger.add(only);
        }
        if (workflow.triggerType() == io.actionflow.triggers.TriggerType.APPROVAL) {
            trigger.add(new Span(getTranslation("trigger.approval.mode."
                    + ("afterSave".equals(workflow.triggerConfig().get("mode")) ? "afterSave" : "beforeSave"))));
        }
        if (editable) {
            trigger.addClickListener(e -> onTrigger.run());
            trigger.getElement().setAttribute("role", "button");
            trigger.getElement().setAttribute("tabindex", "0");
            trigger.getElement().setAttribute("title", getTranslation("workflows.editTrigger.hint"));
        }
        add(trigger, chain(workflow.graph().chain(), null, null, results));
    }

    /**
     * The order of a node's branches on the canvas: a multi-way branch's cases as the admin ordered them, then
     * otherwise; others as they read (Yes before No, Approved before Rejected).
     */
    private static List<String> branchOrder(NodeDef node) {
        if (!"switch".equals(node.type())) {
            return node.branches().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        }
        var order = new ArrayList<>(SwitchNode.branches(node.config()).stream().filter(node.branches()::containsKey).toList());
        node.branches().keySet().stream().filter(name -> !order.contains(name)).sorted().forEach(order::add);
        return order;
    }

    /** A case of a multi-way branch is labelled by its name; other branches by theirs. */
    private String branchLabel(NodeDef node, String name) {
        if ("switch".equals(node.type()) && !SwitchNode.OTHERWISE.equals(name)) {
            return SwitchNode.caseTitle(node.config(), name);
        }
        return getTranslation("branch." + name);
    }

    /** Who a Manual task's run waited for, or who filled it in (or that its time ran out). */
    private String person(Map<?, ?> output) {
        if (output.get("by") != null) {
            return getTranslation("canvas.manual.by", output.get("by"));
        }
        if ("timeout".equals(output.get("outcome"))) {
            return getTranslation("canvas.manual.timeout");
        }
        return output.get("asked") instanceof List<?> asked
                ? getTranslation("canvas.manual.waiting", String.join(", ", asked.stream().map(String::valueOf).toList())) : "";
    }

    private Component chain(List<NodeDef> nodes, String parentKey, String branch, Map<String, JobView> results) {
        var column = new Div();
        column.addClassName("af-chain");
        for (int i = 0; i < nodes.size(); i++) {
            column.add(plus(new Slot(parentKey, branch, i)), card(nodes.get(i), results));
        }
        column.add(plus(new Slot(parentKey, branch, nodes.size())));
        return column;
    }

    private Component card(NodeDef node, Map<String, JobView> results) {
        var type = new Span(getTranslation("nodeType." + node.type().replace("-", "_")));
        type.addClassName("af-node-type");
        // the key is what variables name ($jobsMapByNodeKey.query1), so it is always shown
        var key = new Span(node.key());
        key.addClassNames("af-node-key", "af-code");
        key.getElement().setAttribute("title", getTranslation("workflows.node.key.hint", node.key()));
        var heading = new Div(type, key);
        heading.addClassName("af-node-heading");
        var title = new Span(node.title() != null ? node.title() : node.key());
        title.addClassName("af-node-title");
        var card = new Div(heading, title);
        String line = summary.apply(node);
        if (!line.isBlank()) {
            var settings = new Span(line);
            settings.addClassName("af-node-summary");
            card.add(settings);
        }
        card.addClassNames("af-card-node", "af-node-" + node.type());
        card.getElement().setAttribute("data-node", node.key());
        JobView job = results.get(node.key());
        if (job != null) {
            var status = new Span(getTranslation("jobStatus." + job.status().name().toLowerCase(java.util.Locale.ROOT))
                    + " · " + job.durationMicros() + " µs");
            status.addClassNames("af-badge", switch (job.status()) {
                case RESOLVED -> "af-badge-success";
                case FAILED, ERROR -> "af-badge-error";
                default -> "af-badge-warning";
            });
            card.add(status);
            if ("manual".equals(node.type()) && job.output() instanceof Map<?, ?> output) {
                var person = new Span(person(output));
                person.addClassName("af-card-person");
                card.add(person);
            }
        }
        card.addClickListener(e -> onOpen.accept(node));
        var wrapper = new Div(card);
        wrapper.addClassName("af-node-wrapper");
        if (!node.branches().isEmpty()) {
            var branches = new Div();
            branches.addClassName("af-branches");
            branchOrder(node).forEach(name -> {
                var label = new Span(branchLabel(node, name));
                label.addClassName("af-branch-label");
                var lane = new Div(label, chain(node.branch(name), node.key(), name, results));
                lane.addClassName("af-branch");
                branches.add(lane);
            });
            wrapper.add(branches);
        }
        return wrapper;
    }

    private Component plus(Slot slot) {
        var button = new Button(VaadinIcon.PLUS.create(), e -> onInsert.accept(slot));
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClassName("af-insert");
        button.getElement().setAttribute("data-slot",
                (slot.parentKey() == null ? "main" : slot.parentKey() + "." + slot.branch()) + ":" + slot.index());
        button.setAriaLabel(getTranslation("workflows.insert"));
        button.setTooltipText(getTranslation("workflows.insert"));
        button.setVisible(editable);
        return button;
    }
}
