package io.actionflow.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.approval.Approval;
import io.actionflow.approval.ApprovalService;
import io.actionflow.approval.TimelineEntry;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.ui.RecordChoices;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.FieldErrors;
import io.actionflow.platform.ui.Times;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One approval request in the to-do center: where it stands, its submitted values (the ones {@code editable} names as
 * fields to change, the rest read only), and its timeline.
 */
final class RequestPanel extends Div {

    private final Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    private final FieldErrors errors = new FieldErrors(this);

    RequestPanel(ApprovalService approvals, CollectionService collections, RecordQueries queries, Approval approval,
            Set<String> editable) {
        addClassName("af-request");
        var collection = collections.find(approval.collection()).orElse(null);
        var heading = new H3(approval.title());
        heading.addClassName("af-request-title");
        var status = status(this, approval.status());
        var what = new Span(getTranslation("approval.request.what", collection == null ? approval.collection() : collection.title(),
                getTranslation("approval.action." + approval.action()),
                approval.recordId() == null ? getTranslation("approval.request.newRecord") : "#" + approval.recordId(),
                approvals.name(approval.submitter()), Times.format(approval.createdAt(), getLocale())));
        what.addClassName("af-muted");
        var header = new Div(heading, status);
        header.addClassName("af-request-header");
        add(header, what);
        if (approval.nodeTitle() != null && approval.status() == Approval.Status.PENDING) {
            var step = new Span(getTranslation("approval.request.step", approval.nodeTitle()));
            step.addClassName("af-muted");
            add(step);
        }
        var form = new FormLayout();
        form.addClassName("af-request-data");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var values = new LinkedHashMap<String, Object>(approval.data());
        // a field the approvers may fill although the submission left it out
        editable.forEach(name -> values.putIfAbsent(name, null));
        for (var entry : values.entrySet()) {
            if ("id".equals(entry.getKey())) {
                continue;
            }
            var field = collection == null ? null : collection.field(entry.getKey()).orElse(null);
            String label = field == null ? entry.getKey() : field.title();
            Component editor = editable.contains(entry.getKey()) && field != null
                    ? editor(field, label, entry.getValue(), collections, queries)
                    : readOnly(label, display(field, entry.getValue(), collections, queries));
            editor.getElement().setAttribute("data-field", entry.getKey());
            form.add(editor);
        }
        add(form);
        actions.addClassName("af-request-act");
        add(actions, timeline(approvals, approval.id(), collection));
    }

    private final Div actions = new Div();

    /** Puts what the reader can do (a comment, buttons) between the values and the timeline. */
    void actions(Component... parts) {
        actions.add(parts);
    }

    /** The values of the fields that could be changed, as the editors hold them. */
    Map<String, Object> changes() {
        var changes = new LinkedHashMap<String, Object>();
        readers.forEach((name, reader) -> changes.put(name, reader.get()));
        return changes;
    }

    /** Shows why the service refused the values, on their fields. */
    void show(ValidationException refused) {
        errors.show(refused);
    }

    static Span status(Component context, Approval.Status status) {
        var badge = new Span(context.getTranslation("approval.status." + status.name()));
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add("pill");
        badge.getElement().getThemeList().add(switch (status) {
            case APPROVED -> "success";
            case REJECTED, FAILED -> "error";
            case PENDING, SAVING -> "";
            default -> "contrast";
        });
        badge.addClassName("af-request-status");
        return badge;
    }

    private Component editor(FieldDefinition field, String label, Object value, CollectionService collections, RecordQueries queries) {
        switch (field.type()) {
            case BOOLEAN -> {
                var box = new Checkbox(label, Boolean.TRUE.equals(value));
                readers.put(field.name(), box::getValue);
                return box;
            }
            case SINGLE_SELECT -> {
                var select = new Select<String>();
                select.setLabel(label);
                select.setItems(field.options());
                select.setEmptySelectionAllowed(!field.required());
                select.setValue(value == null ? null : String.valueOf(value));
                readers.put(field.name(), select::getValue);
                return select;
            }
            case MANY_TO_ONE -> {
                var target = collections.find(field.target()).orElse(null);
                if (target != null) {
                    ComboBox<RecordChoices.Choice> box = RecordChoices.comboBox(queries, target);
                    box.setLabel(label);
                    if (value instanceof Number id) {
                        queries.get(target.name(), id.longValue()).ifPresent(r -> box.setValue(new RecordChoices.Choice(r.id(), r.title())));
                    }
                    readers.put(field.name(), () -> box.getValue() == null ? null : box.getValue().id());
                    errors.bind(field.name(), box);
                    return box;
                }
            }
            case LONG_TEXT -> {
                var area = new TextArea(label);
                area.setValue(value == null ? "" : String.valueOf(value));
                readers.put(field.name(), () -> area.getValue().isBlank() ? null : area.getValue());
                errors.bind(field.name(), area);
                return area;
            }
            default -> { }
        }
        var text = new TextField(label);
        text.setValue(value == null ? "" : String.valueOf(value));
        readers.put(field.name(), () -> typed(field.type(), text.getValue()));
        errors.bind(field.name(), text);
        return text;
    }

    /** A number typed as text becomes a number; anything else stays text for the service to check. */
    private static Object typed(FieldType type, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return switch (type) {
                case INTEGER -> Long.valueOf(value);
                case DECIMAL -> new BigDecimal(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Component readOnly(String label, String value) {
        var field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        return field;
    }

    private String display(FieldDefinition field, Object value, CollectionService collections, RecordQueries queries) {
        if (value == null) {
            return "";
        }
        if (field == null) {
            return String.valueOf(value);
        }
        return switch (field.type()) {
            case BOOLEAN -> getTranslation(Boolean.TRUE.equals(value) ? "common.yes" : "common.no");
            case MANY_TO_ONE -> value instanceof Number id
                    ? queries.get(field.target(), id.longValue()).map(r -> r.title()).orElse("#" + id) : String.valueOf(value);
            default -> String.valueOf(value);
        };
    }

    private Component timeline(ApprovalService approvals, long approvalId, CollectionDefinition collection) {
        var list = new Div();
        list.addClassName("af-timeline");
        list.add(new H3(getTranslation("approval.timeline")));
        List<TimelineEntry> entries = approvals.timeline(approvalId);
        for (TimelineEntry entry : entries) {
            var icon = switch (entry.kind()) {
                case APPROVED, COMPLETED, SAVED -> VaadinIcon.CHECK_CIRCLE.create();
                case REJECTED, DECLINED, FAILED -> VaadinIcon.CLOSE_CIRCLE.create();
                case RETURNED -> VaadinIcon.ARROW_BACKWARD.create();
                case DELEGATED -> VaadinIcon.EXCHANGE.create();
                case COMMENTED -> VaadinIcon.COMMENT.create();
                case WITHDRAWN, CANCELED -> VaadinIcon.BAN.create();
                default -> VaadinIcon.CIRCLE_THIN.create();
            };
            String who = entry.actor() == null ? getTranslation("approval.timeline.system") : approvals.name(entry.actor());
            String detail = switch (entry.detail() == null ? null : entry.kind()) {
                case null -> "";
                // whom it went to: usernames, shown by name
                case ASKED, DELEGATED -> String.join(", ", names(entry.detail()).stream().map(approvals::name).toList());
                // which fields changed, by title
                case CHANGED, RESUBMITTED -> String.join(", ", names(entry.detail()).stream()
                        .map(f -> collection == null ? f : collection.field(f).map(FieldDefinition::title).orElse(f)).toList());
                default -> entry.detail().lines().map(line -> Text.format(line, this::getTranslation))
                        .reduce((a, b) -> a + " " + b).orElse("");
            };
            String key = "approval.event." + entry.kind().name() + (entry.kind() == TimelineEntry.Kind.RESUBMITTED && !detail.isEmpty() ? ".changed" : "");
            var what = new Span(getTranslation(key, who, detail));
            what.addClassName("af-timeline-what");
            var when = new Span(Times.format(entry.at(), getLocale()));
            when.addClassName("af-muted");
            var row = new Div(icon, new Div(what, when));
            row.addClassNames("af-timeline-entry", "af-timeline-" + entry.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (entry.comment() != null) {
                var comment = new Div(new Span(entry.comment()));
                comment.addClassName("af-timeline-comment");
                ((Div) row.getComponentAt(1)).add(comment);
            }
            list.add(row);
        }
        return list;
    }

    private static List<String> names(String detail) {
        return java.util.Arrays.stream(detail.split(",\\s*")).filter(n -> !n.isBlank()).toList();
    }

    /** A request as a list shows it: its title, and under it what it is about and since when. */
    static Component summary(CollectionService collections, String title, String collection, String who, java.time.Instant since,
            java.util.Locale locale) {
        var name = new Span(title);
        name.addClassName("af-summary-title");
        var about = new Span(collectionTitle(collections, collection) + " · " + who + " · " + Times.format(since, locale));
        about.addClassName("af-muted");
        var summary = new Div(name, about);
        summary.addClassName("af-summary");
        return summary;
    }

    /** The title of a collection, for lists. */
    static String collectionTitle(CollectionService collections, String name) {
        return collections.find(name).map(CollectionDefinition::title).orElse(name);
    }
}
