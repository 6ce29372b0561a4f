package io.actionflow.pages.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.DispatchPlan;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDefinition;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.PageDefinition;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Confirmations;
import io.actionflow.platform.ui.Notices;
import io.actionflow.triggers.TriggerConfig;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.EnabledWorkflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Design mode's view of one collection: every button, on every page, that creates, changes or deletes its records,
 * side by side with what each runs ("Submit on Orders › Orders form: Check stock · Add new on Orders › Orders table:
 * nothing"), the workflows that run on every such action (global), and for each rule (a pre-action or approval) bound
 * to some of those buttons and not to others, a way to bind it to all of them or to make it global.
 */
final class CollectionRulesDialog extends Dialog {

    private static final List<Action> WRITES = List.of(Action.CREATE, Action.UPDATE, Action.DESTROY);

    private final PageContext context;
    private final String collection;
    private final Div content = new Div();

    /** One write button and where it is. */
    private record Place(PageDefinition page, BlockDefinition block, ButtonDefinition button) {
    }

    CollectionRulesDialog(PageContext context, String collection) {
        this.context = context;
        this.collection = collection;
        setHeaderTitle(getTranslation("rules.title", context.collection(collection).title()));
        setWidth("min(820px, 95vw)");
        addClassName("af-rules-dialog");
        var intro = new Span(getTranslation("rules.intro"));
        intro.addClassName("af-muted");
        content.addClassName("af-rules");
        add(intro, content);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        refresh();
    }

    private void refresh() {
        content.removeAll();
        var places = new LinkedHashMap<Action, List<Place>>();
        WRITES.forEach(action -> places.put(action, new ArrayList<>()));
        for (PageDefinition page : context.pages.list()) {
            for (BlockDefinition block : page.blocks()) {
                if (block.collection().equals(collection)) {
                    for (ButtonDefinition button : block.buttons()) {
                        button.kind().action().filter(WRITES::contains).ifPresent(a -> places.get(a).add(new Place(page, block, button)));
                    }
                }
            }
        }
        places.forEach(this::section);
    }

    /** The buttons of one action, what each runs, what runs on every one, and the rules some of them skip. */
    private void section(Action action, List<Place> buttons) {
        var section = new Div(new H4(getTranslation("rules.section." + action.name().toLowerCase(Locale.ROOT),
                context.collection(collection).title())));
        section.addClassName("af-rules-section");
        section.getElement().setAttribute("data-action", action.name().toLowerCase(Locale.ROOT));
        if (buttons.isEmpty()) {
            section.add(muted(getTranslation("rules.noButton")));
        }
        for (Place place : buttons) {
            var runs = place.button().bindings().stream()
                    .map(b -> context.dispatcher.enabled(b.workflowKey()).map(EnabledWorkflow::title).orElse(null))
                    .filter(Objects::nonNull).toList();
            var line = new Div(new Span(getTranslation("bind.sibling", ButtonActions.label(this, place.button()),
                    where(this, context, place.page(), place.block()),
                    runs.isEmpty() ? getTranslation("bind.sibling.nothing") : String.join(" · ", runs))));
            line.addClassName("af-bind-sibling");
            line.getElement().setAttribute("data-button", String.valueOf(place.button().id()));
            section.add(line);
        }
        DispatchPlan everywhere = context.dispatcher.plan(action, collection, List.of());
        var global = everywhere.inOrder().stream().filter(DispatchPlan.Step::global).map(DispatchPlan.Step::workflow).distinct().toList();
        var globals = new Div(new Span(getTranslation("rules.global", global.isEmpty() ? getTranslation("bind.sibling.nothing")
                : String.join(" · ", global.stream().map(EnabledWorkflow::title).toList()))));
        globals.addClassName("af-rules-global");
        section.add(globals);
        var runEverywhere = global.stream().map(EnabledWorkflow::key).toList();
        for (EnabledWorkflow rule : skippedRules(buttons)) {
            if (runEverywhere.contains(rule.key())) {
                continue;
            }
            section.add(gap(action, rule, buttons));
        }
        content.add(section);
    }

    /** The pre-action and approval workflows bound to some of these buttons and not to all: a rule a click can walk around. */
    private List<EnabledWorkflow> skippedRules(List<Place> buttons) {
        var rules = new LinkedHashMap<String, EnabledWorkflow>();
        for (Place place : buttons) {
            for (WorkflowBinding binding : place.button().bindings()) {
                context.dispatcher.enabled(binding.workflowKey())
                        .filter(w -> w.type() == TriggerType.PRE_ACTION || w.type() == TriggerType.APPROVAL)
                        .filter(w -> buttons.stream().anyMatch(p -> !binds(p, w)))
                        .ifPresent(w -> rules.putIfAbsent(w.key(), w));
            }
        }
        return List.copyOf(rules.values());
    }

    private Component gap(Action action, EnabledWorkflow rule, List<Place> buttons) {
        var missing = buttons.stream().filter(p -> !binds(p, rule)).toList();
        var names = missing.stream().map(p -> getTranslation("rules.on", ButtonActions.label(this, p.button()),
                where(this, context, p.page(), p.block()))).toList();
        var warning = new Span(getTranslation("rules.skipped", rule.title(), String.join(", ", names)));
        warning.addClassNames("af-badge", "af-badge-warning");
        var bindAll = new Button(getTranslation("rules.bindAll"), e -> bindAll(action, rule, missing));
        bindAll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        bindAll.setDisableOnClick(true);
        var global = new Button(getTranslation("rules.makeGlobal"), e -> Confirmations.ask(this,
                getTranslation("rules.makeGlobal.title", rule.title()),
                getTranslation("rules.makeGlobal.question", rule.title(), getTranslation("rules.makeGlobal." + action.name().toLowerCase(Locale.ROOT),
                        context.collection(collection).title())),
                getTranslation("rules.makeGlobal"), () -> makeGlobal(action, rule)).open());
        global.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var line = new Div(warning, new Div(bindAll, global));
        line.addClassName("af-rules-gap");
        line.getElement().setAttribute("data-workflow", rule.key());
        return line;
    }

    /** Binds the rule to each button that lacks it, after what that button already runs; one the matrix refuses stays as it is. */
    private void bindAll(Action action, EnabledWorkflow rule, List<Place> missing) {
        int bound = 0;
        for (Place place : missing) {
            var fits = context.dispatcher.bindable(action, collection, place.button().contextType()).stream()
                    .filter(b -> b.workflow().key().equals(rule.key()) && b.associationPath() == null).findFirst();
            if (fits.isEmpty()) {
                continue;
            }
            var bindings = new ArrayList<>(place.button().bindings());
            bindings.add(new WorkflowBinding(rule.key(), null));
            try {
                var saved = context.pages.bind(place.button().id(), bindings);
                bound++;
                if (saved.id() == context.page().id()) {
                    context.changed(saved);
                }
            } catch (ValidationException refused) {
                Notices.refused(this, refused);
            }
        }
        Notices.success(getTranslation("rules.bound", rule.title(), bound));
        refresh();
    }

    private void makeGlobal(Action action, EnabledWorkflow rule) {
        try {
            context.workflows.makeGlobal(rule.key(), TriggerConfig.DataAction.valueOf(action.name()));
            Notices.success(getTranslation("rules.madeGlobal", rule.title()));
        } catch (ValidationException refused) {
            Notices.refused(this, refused);
        }
        refresh();
    }

    private static boolean binds(Place place, EnabledWorkflow workflow) {
        return place.button().bindings().stream().anyMatch(b -> b.workflowKey().equals(workflow.key()));
    }

    /** Where a block is, for an admin: "Orders › Orders form" (its page, then its title or its collection and kind). */
    static String where(Component owner, PageContext context, PageDefinition page, BlockDefinition block) {
        return page.title() + " › " + (block.title() != null && !block.title().isBlank() ? block.title()
                : context.collection(block.collection()).title() + " "
                        + owner.getTranslation("blockType." + block.type().name().toLowerCase(Locale.ROOT)).toLowerCase(Optional.ofNullable(UI.getCurrent()).map(UI::getLocale).orElse(Locale.ROOT)));
    }

    private static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("af-muted");
        return span;
    }
}
