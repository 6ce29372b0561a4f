package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.DispatchPlan;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.PageDefinition;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.triggers.TriggerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds workflows to a button: the enabled workflows its action supports (mission.md's support matrix) on the block's
 * collection, in an order the admin sets; bindings to disabled or deleted workflows are flagged; and the effective run
 * plan of a click (bound and global workflows, grouped by type, in run order, sync or async).
 */
final class BindWorkflowsDialog extends Dialog {

    private final PageContext context;
    private final BlockDefinition block;
    private final ButtonDefinition button;
    private final Action action;
    private final List<WorkflowBinding> bound;
    private final Div rows = new Div();
    private final Div plan = new Div();
    private final Div elsewhere = new Div();
    private final ComboBox<ActionDispatcher.Bindable> add = new ComboBox<>();
    private final Button save = new Button();
    /** Every page, read once: the other buttons of the collection are shown from it at each change of the bindings. */
    private final List<PageDefinition> pages;

    BindWorkflowsDialog(PageContext context, BlockDefinition block, ButtonDefinition button) {
        this.context = context;
        this.block = block;
        this.button = button;
        this.action = button.kind().action().orElseThrow();
        this.bound = new ArrayList<>(button.bindings());
        this.pages = context.pages.list();
        setHeaderTitle(getTranslation("bind.title", ButtonActions.label(this, button)));
        setWidth("min(760px, 95vw)");
        addClassName("af-bind-dialog");

        var intro = new Span(getTranslation(button.kind() == ButtonKind.ADD_NEW || button.kind() == ButtonKind.EDIT
                ? "bind.intro." + button.kind().name().toLowerCase(Locale.ROOT)
                : "bind.intro." + action.name().toLowerCase(Locale.ROOT)));
        intro.addClassName("af-muted");
        rows.addClassName("af-bind-rows");
        add.setLabel(getTranslation("bind.add"));
        add.setPlaceholder(getTranslation("bind.add.placeholder"));
        add.setItemLabelGenerator(this::bindableLabel);
        add.setWidthFull();
        add.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                bound.add(new WorkflowBinding(e.getValue().workflow().key(), e.getValue().associationPath()));
                add.clear();
                refresh();
            }
        });
        plan.addClassName("af-bind-plan");
        elsewhere.addClassName("af-bind-elsewhere");
        add(intro, rows, add, new H4(getTranslation("bind.plan")), plan, elsewhere);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        refresh();
    }

    private void refresh() {
        rows.removeAll();
        if (bound.isEmpty()) {
            var none = new Span(getTranslation("bind.none"));
            none.addClassName("af-muted");
            rows.add(none);
        }
        // grouped by type: an order only means something among workflows of one type (mission.md's ordering rules)
        var groups = new java.util.LinkedHashMap<TriggerType, java.util.List<Integer>>();
        for (TriggerType type : List.of(TriggerType.PRE_ACTION, TriggerType.POST_ACTION, TriggerType.APPROVAL, TriggerType.CUSTOM_ACTION)) {
            groups.put(type, new ArrayList<>());
        }
        var stale = new ArrayList<Integer>();
        for (int i = 0; i < bound.size(); i++) {
            var type = type(bound.get(i));
            (type == null ? stale : groups.computeIfAbsent(type, t -> new ArrayList<>())).add(i);
        }
        groups.forEach((type, indexes) -> {
            if (!indexes.isEmpty()) {
                var header = new Span(getTranslation(type.labelKey()));
                header.addClassName("af-bind-group");
                rows.add(header);
                indexes.forEach(i -> rows.add(row(i, bound.get(i))));
            }
        });
        stale.forEach(i -> rows.add(row(i, bound.get(i))));
        var offered = context.dispatcher.bindable(action, block.collection(), button.contextType()).stream()
                .filter(b -> bound.stream().noneMatch(x -> x.workflowKey().equals(b.workflow().key())
                        && java.util.Objects.equals(x.associationPath(), b.associationPath())))
                .toList();
        add.setItems(offered);
        add.setEnabled(!offered.isEmpty());
        add.setHelperText(offered.isEmpty() ? getTranslation("bind.add.none") : null);
        showPlan();
        showGuardsElsewhere();
    }

    /**
     * The other buttons that perform this action on this collection, on every page, side by side with what each runs
     * ("Submit on Orders › Orders form: Check stock"), each with a way to bind the same here; and a warning for each
     * pre-action or approval another button runs first and this one does not: a rule bound to the form's Submit is not
     * run by the table's Add new, and the admin should know.
     */
    private void showGuardsElsewhere() {
        elsewhere.removeAll();
        if (action == Action.TRIGGER) {
            return;
        }
        var mine = bound.stream().map(WorkflowBinding::workflowKey).toList();
        var fits = context.dispatcher.bindable(action, block.collection(), button.contextType());
        var lines = new Div();
        lines.addClassName("af-bind-siblings");
        for (PageDefinition page : pages) {
            for (BlockDefinition other : page.blocks()) {
                if (!other.collection().equals(block.collection())) {
                    continue;
                }
                for (ButtonDefinition candidate : other.buttons()) {
                    var theirs = candidate.kind().action().orElse(Action.TRIGGER);
                    if (candidate.id() == button.id() || theirs == Action.TRIGGER) {
                        continue;
                    }
                    if (theirs == action) {
                        lines.add(sibling(page, other, candidate, mine, fits));
                    }
                    // a guard of another write (the form's Submit) that could run here (Edit) and does not
                    warnings(page, candidate, mine, fits);
                }
            }
        }
        if (lines.getComponentCount() > 0) {
            elsewhere.add(new H4(getTranslation("bind.siblings." + action.name().toLowerCase(Locale.ROOT),
                    context.collection(block.collection()).title())), lines);
        }
    }

    private void warnings(PageDefinition page, ButtonDefinition candidate, List<String> mine, List<ActionDispatcher.Bindable> fits) {
        for (WorkflowBinding binding : candidate.bindings()) {
            context.dispatcher.enabled(binding.workflowKey())
                    .filter(w -> w.type() == TriggerType.PRE_ACTION || w.type() == TriggerType.APPROVAL)
                    .filter(w -> !mine.contains(w.key()))
                    .filter(w -> fits.stream().anyMatch(f -> f.workflow().key().equals(w.key())))
                    .ifPresent(w -> {
                        var warning = new Span(page.id() == context.page().id()
                                ? getTranslation("bind.elsewhere", w.title(), ButtonActions.label(this, candidate), ButtonActions.label(this, button))
                                : getTranslation("bind.elsewhere.page", w.title(), ButtonActions.label(this, candidate),
                                        ButtonActions.label(this, button), page.title()));
                        warning.addClassNames("af-badge", "af-badge-warning");
                        elsewhere.add(new Div(warning));
                    });
        }
    }

    /** One other button: where it is, what it runs, and a way to bind here what it binds and this one does not. */
    private Component sibling(PageDefinition page, BlockDefinition other, ButtonDefinition candidate, List<String> mine,
            List<ActionDispatcher.Bindable> fits) {
        var runs = candidate.bindings().stream().map(b -> context.dispatcher.enabled(b.workflowKey()).map(w -> w.title()).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        String where = CollectionRulesDialog.where(this, context, page, other);
        var text = new Span(getTranslation("bind.sibling", ButtonActions.label(this, candidate), where,
                runs.isEmpty() ? getTranslation("bind.sibling.nothing") : String.join(" · ", runs)));
        var line = new Div(text);
        line.addClassName("af-bind-sibling");
        line.getElement().setAttribute("data-button", String.valueOf(candidate.id()));
        var missing = candidate.bindings().stream()
                .filter(b -> !mine.contains(b.workflowKey()))
                .filter(b -> fits.stream().anyMatch(x -> x.workflow().key().equals(b.workflowKey())
                        && java.util.Objects.equals(x.associationPath(), b.associationPath())))
                .toList();
        if (!missing.isEmpty()) {
            var same = new Button(getTranslation("bind.same"), e -> {
                bound.addAll(missing);
                refresh();
            });
            same.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            line.add(same);
        }
        return line;
    }

    private Component row(int index, WorkflowBinding binding) {
        var workflow = context.dispatcher.enabled(binding.workflowKey()).orElse(null);
        var line = new Div();
        line.addClassName("af-bind-row");
        line.getElement().setAttribute("data-workflow", binding.workflowKey());
        var title = new Span(workflow == null ? binding.workflowKey() : workflow.title());
        title.addClassName("af-bind-title");
        line.add(new Span(String.valueOf(index + 1)), title);
        if (workflow == null) {
            line.add(badge(getTranslation("bind.stale"), "af-badge-warning"));
        } else {
            line.add(badge(getTranslation(workflow.type().labelKey()), "af-badge-muted"),
                    badge(getTranslation(workflow.synchronous() ? "workflows.sync" : "workflows.async"), "af-badge-muted"));
        }
        if (binding.associationPath() != null) {
            line.add(badge(getTranslation("bind.via", binding.associationPath()), "af-badge-muted"));
        }
        var up = icon(VaadinIcon.ARROW_UP, "bind.up", () -> move(index, -1));
        up.setEnabled(neighbour(index, -1) >= 0);
        var down = icon(VaadinIcon.ARROW_DOWN, "bind.down", () -> move(index, 1));
        down.setEnabled(neighbour(index, 1) >= 0);
        var remove = icon(VaadinIcon.CLOSE_SMALL, "bind.remove", () -> {
            bound.remove(index);
            refresh();
        });
        var actions = new Div(up, down, remove);
        actions.addClassName("af-row-actions");
        line.add(actions);
        return line;
    }

    /** Swaps a binding with the one before or after it of the same type. */
    private void move(int index, int by) {
        int target = neighbour(index, by);
        if (target >= 0) {
            var moved = bound.get(index);
            bound.set(index, bound.get(target));
            bound.set(target, moved);
            refresh();
        }
    }

    /** The index of the nearest binding before ({@code -1}) or after ({@code 1}) of the same type, or -1. */
    private int neighbour(int index, int direction) {
        var type = type(bound.get(index));
        for (int i = index + direction; i >= 0 && i < bound.size(); i += direction) {
            if (type != null && type == type(bound.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private TriggerType type(WorkflowBinding binding) {
        return context.dispatcher.enabled(binding.workflowKey()).map(w -> w.type()).orElse(null);
    }

    /** The plan a click will run: bound and global workflows, grouped by type, in order. */
    private void showPlan() {
        plan.removeAll();
        DispatchPlan planned = context.dispatcher.plan(action, block.collection(), bound);
        if (planned.refusal().isPresent()) {
            plan.add(new Span(planned.refusal().get().text("binding.incompatible", ButtonActions.label(this, button))
                    .format(this::getTranslation)));
            return;
        }
        group("bind.plan.pre", planned.preAction());
        if (action != Action.TRIGGER && action != Action.DESTROY || !planned.preAction().isEmpty()) {
            var act = new Div(new Span(getTranslation("bind.plan.action", getTranslation("action.name." + action.name().toLowerCase(Locale.ROOT)))));
            act.addClassName("af-plan-action");
            if (action != Action.TRIGGER) {
                plan.add(act);
            }
        }
        group("bind.plan.postSync", planned.postActionSync());
        group("bind.plan.approval", planned.approval());
        group("bind.plan.postAsync", planned.postActionAsync());
        group("bind.plan.customSync", planned.customSync());
        group("bind.plan.customAsync", planned.customAsync());
        if (planned.inOrder().isEmpty()) {
            var none = new Span(getTranslation("bind.plan.empty"));
            none.addClassName("af-muted");
            plan.add(none);
        }
        if (action == Action.CREATE || action == Action.UPDATE) {
            var note = new Span(getTranslation("bind.plan.note"));
            note.addClassName("af-muted");
            plan.add(note);
        }
    }

    private void group(String titleKey, List<DispatchPlan.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        var group = new Div(new Span(getTranslation(titleKey)));
        group.addClassName("af-plan-group");
        int n = 1;
        for (DispatchPlan.Step step : steps) {
            var entry = new Div(new Span(n++ + ". " + step.workflow().title()),
                    badge(getTranslation(step.workflow().synchronous() ? "workflows.sync" : "workflows.async"), "af-badge-muted"),
                    badge(getTranslation(step.global() ? "bind.global" : "bind.bound"), step.global() ? "af-badge-muted" : "af-badge-success"));
            if (step.associationPath() != null) {
                entry.add(badge(getTranslation("bind.via", step.associationPath()), "af-badge-muted"));
            }
            entry.addClassName("af-plan-step");
            group.add(entry);
        }
        plan.add(group);
    }

    private void save() {
        try {
            context.changed(context.pages.bind(button.id(), List.copyOf(bound)));
            Notices.success(getTranslation("bind.saved", ButtonActions.label(this, button)));
            close();
        } catch (ValidationException refused) {
            Notices.refused(this, refused);
        } finally {
            save.setEnabled(true);
        }
    }

    private String bindableLabel(ActionDispatcher.Bindable bindable) {
        var workflow = bindable.workflow();
        return workflow.title() + " · " + getTranslation(workflow.type().labelKey()) + " · "
                + getTranslation(workflow.synchronous() ? "workflows.sync" : "workflows.async")
                + (bindable.associationPath() == null ? "" : " · " + getTranslation("bind.via", bindable.associationPath()));
    }

    private Span badge(String text, String style) {
        var badge = new Span(text);
        badge.addClassNames("af-badge", style);
        return badge;
    }

    private Button icon(VaadinIcon icon, String labelKey, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }
}
