package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ui.FieldErrors;
import io.actionflow.triggers.ScheduleTimes;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings of a schedule trigger in the workflow dialog: at fixed times (a repeat, its time zone, an optional start,
 * end and limit) or at a date field of a record (offset before or after it), what a missed fire does, and a preview of
 * the next fires that follows every change.
 */
final class ScheduleFields {

    private final ScheduleSummary.Words words;
    private final Function<String, String> text;
    private final java.util.Locale locale;
    final Select<String> mode = new Select<>();
    private final Select<String> repeat = new Select<>();
    private final Select<Integer> every = new Select<>();
    private final TimePicker at = new TimePicker();
    private final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    private final TextField cron = new TextField();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final DateTimePicker start = new DateTimePicker();
    private final DateTimePicker end = new DateTimePicker();
    private final IntegerField limit = new IntegerField();
    private final Select<String> field = new Select<>();
    private final IntegerField offset = new IntegerField();
    private final Select<String> offsetUnit = new Select<>();
    private final Select<String> direction = new Select<>();
    private final Select<String> missed = new Select<>();
    private final Div preview = new Div();
    private CollectionDefinition collection;
    /** Whether the workflow's trigger is a schedule (the fields show). */
    private boolean shown;

    ScheduleFields(ScheduleSummary.Words words, java.util.Locale locale) {
        this.words = words;
        this.text = key -> words.say(key);
        this.locale = locale;
        mode.setLabel(text.apply("trigger.schedule.mode.label"));
        mode.setItems("fixed", "dateField");
        mode.setItemLabelGenerator(m -> text.apply("trigger.schedule.mode." + m));
        mode.setValue("fixed");
        repeat.setLabel(text.apply("trigger.schedule.repeat.label"));
        repeat.setItems(java.util.Arrays.stream(ScheduleTimes.Repeat.values()).map(ScheduleTimes.Repeat::key).toList());
        repeat.setItemLabelGenerator(r -> text.apply("trigger.schedule.repeat." + r));
        repeat.setValue("daily");
        every.setLabel(text.apply("trigger.schedule.every"));
        at.setLabel(text.apply("trigger.schedule.at"));
        at.setStep(Duration.ofMinutes(15));
        at.setValue(LocalTime.of(8, 0));
        days.setLabel(text.apply("trigger.schedule.days.label"));
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, locale));
        days.addClassName("af-days");
        cron.setLabel(text.apply("trigger.schedule.cron.label"));
        cron.setHelperText(text.apply("trigger.schedule.cron.help"));
        cron.addClassName("af-code");
        timeZone.setLabel(text.apply("trigger.schedule.timeZone.label"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
        timeZone.setValue(serverZone());
        timeZone.setRequiredIndicatorVisible(true);
        // a zone typed that is not in the list stays as typed, and Save says it does not exist (never silently replaced)
        timeZone.setAllowCustomValue(true);
        timeZone.addCustomValueSetListener(e -> timeZone.setValue(e.getDetail()));
        start.setLabel(text.apply("trigger.schedule.start"));
        end.setLabel(text.apply("trigger.schedule.end"));
        limit.setLabel(text.apply("trigger.schedule.limit.label"));
        limit.setHelperText(text.apply("trigger.schedule.limit.help"));
        limit.setMin(1);
        field.setLabel(text.apply("trigger.schedule.field"));
        offset.setLabel(text.apply("trigger.schedule.offset.label"));
        offset.setMin(0);
        offset.setValue(0);
        offsetUnit.setLabel(text.apply("trigger.schedule.offsetUnit.label"));
        offsetUnit.setItems(ScheduleTimes.OFFSET_UNITS);
        offsetUnit.setItemLabelGenerator(u -> text.apply("trigger.schedule.unit." + u));
        offsetUnit.setValue("days");
        direction.setLabel(text.apply("trigger.schedule.direction.label"));
        direction.setItems("before", "after");
        direction.setItemLabelGenerator(d -> text.apply("trigger.schedule.direction." + d));
        direction.setValue("before");
        missed.setLabel(text.apply("trigger.schedule.missed.label"));
        missed.setItems("runOnce", "skip");
        missed.setItemLabelGenerator(m -> text.apply("trigger.schedule.missed." + m));
        missed.setHelperText(text.apply("trigger.schedule.missed.help"));
        missed.setValue("runOnce");
        preview.addClassName("af-next-fires");
        preview.getElement().setAttribute("aria-live", "polite");
        repeat.addValueChangeListener(e -> steps());
        steps();
        for (HasValue<?, ?> value : List.<HasValue<?, ?>>of(mode, repeat, every, at, days, cron, timeZone, start, end, limit, field,
                offset, offsetUnit, direction, missed)) {
            value.addValueChangeListener(e -> adapt(shown));
        }
    }

    /** The fields, in the order the form shows them. */
    List<Component> components() {
        return List.of(mode, repeat, every, days, field, at, cron, offset, offsetUnit, direction, timeZone, start, end, limit,
                missed, preview);
    }

    void bind(FieldErrors errors) {
        errors.bind("mode", mode).bind("repeat", repeat).bind("every", every).bind("at", at).bind("days", days)
                .bind("cron", cron).bind("timeZone", timeZone).bind("start", start).bind("end", end).bind("limit", limit)
                .bind("field", field).bind("offset", offset).bind("offsetUnit", offsetUnit).bind("direction", direction)
                .bind("missed", missed);
    }

    /** The collection a date-field schedule reads: its date fields are offered. */
    void collection(CollectionDefinition definition) {
        this.collection = definition;
        String kept = field.getValue();
        var dated = definition == null ? List.<String>of() : definition.columnFields().stream()
                .filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATETIME).map(FieldDefinition::name).toList();
        field.setItems(dated);
        field.setItemLabelGenerator(n -> FieldLabels.of(definition, n));
        field.setValue(kept != null && dated.contains(kept) ? kept : dated.isEmpty() ? null : dated.getFirst());
        field.setHelperText(definition != null && dated.isEmpty() ? text.apply("trigger.schedule.noDateField") : null);
    }

    boolean onDateField() {
        return "dateField".equals(mode.getValue());
    }

    /** Shows what the chosen kind of schedule needs, and refreshes the preview. */
    void adapt(boolean visible) {
        shown = visible;
        boolean dated = onDateField();
        String kind = repeat.getValue();
        mode.setVisible(visible);
        repeat.setVisible(visible && !dated);
        every.setVisible(visible && !dated && ("minutes".equals(kind) || "hours".equals(kind)));
        days.setVisible(visible && !dated && "weekly".equals(kind));
        // a date and time has its own time of day; a date alone fires at the set one
        boolean withTime = collection != null && field.getValue() != null && collection.field(field.getValue())
                .map(f -> f.type() == FieldType.DATETIME).orElse(false);
        at.setVisible(visible && (dated && !withTime || !dated && ("daily".equals(kind) || "weekly".equals(kind))));
        at.setLabel(text.apply(dated ? "trigger.schedule.atDate" : "trigger.schedule.at"));
        cron.setVisible(visible && !dated && "cron".equals(kind));
        for (Component c : List.<Component>of(start, end, limit)) {
            c.setVisible(visible && !dated);
        }
        for (Component c : List.<Component>of(field, offset, offsetUnit, direction)) {
            c.setVisible(visible && dated);
        }
        timeZone.setVisible(visible);
        missed.setVisible(visible);
        preview.setVisible(visible);
        if (visible) {
            preview();
        }
    }

    private void steps() {
        boolean hours = "hours".equals(repeat.getValue());
        Integer kept = every.getValue();
        var steps = hours ? ScheduleTimes.HOUR_STEPS : ScheduleTimes.MINUTE_STEPS;
        every.setItems(steps);
        every.setItemLabelGenerator(n -> words.say(hours ? "trigger.schedule.summary.hours" : "trigger.schedule.summary.minutes", n));
        every.setValue(kept != null && steps.contains(kept) ? kept : hours ? 1 : 15);
    }

    /** The next five fires, in the schedule's zone; or what is wrong, in words. */
    private void preview() {
        preview.removeAll();
        var settings = write();
        List<FieldError> problems = ScheduleTimes.problems(settings, Instant.now());
        if (!problems.isEmpty()) {
            // what is wrong, in the words Save would use
            var first = problems.getFirst();
            preview.add(new Span(words.say(first.messageKey(), first.args().toArray())));
            preview.addClassName("af-next-fires-problem");
            return;
        }
        preview.removeClassName("af-next-fires-problem");
        if (onDateField()) {
            preview.add(new Span(field.getValue() == null ? text.apply("trigger.schedule.preview.field")
                    : ScheduleSummary.of(settings, collection, words, locale)));
            return;
        }
        var times = ScheduleTimes.of(settings);
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        preview.add(new Span(words.say("trigger.schedule.preview", times.zone().getId())));
        var list = new com.vaadin.flow.component.html.UnorderedList();
        for (Instant next : times.upcoming(Instant.now(), 5)) {
            var local = LocalDateTime.ofInstant(next, times.zone());
            list.add(new com.vaadin.flow.component.html.ListItem(
                    local.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " + format.format(local)));
        }
        preview.add(list);
    }

    /** The zone a new schedule starts in (the browser's), when it is one we know and none was chosen yet. */
    void suggestZone(String zone) {
        boolean untouched = timeZone.getValue() == null || timeZone.getValue().equals(serverZone());
        if (zone != null && untouched && timeZone.getListDataView().getItems().anyMatch(zone::equals)) {
            timeZone.setValue(zone);
        }
    }

    private static String serverZone() {
        return ZoneId.systemDefault().getId().equals("GMT") ? "UTC" : ZoneId.systemDefault().getId();
    }

    void fill(Map<String, Object> config) {
        mode.setValue("dateField".equals(config.get("mode")) ? "dateField" : "fixed");
        if (config.get("repeat") != null) {
            repeat.setValue(String.valueOf(config.get("repeat")));
        }
        if (config.get("every") instanceof Number n) {
            every.setValue(n.intValue());
        }
        if (config.get("at") != null) {
            try {
                at.setValue(LocalTime.parse(String.valueOf(config.get("at"))));
            } catch (java.time.format.DateTimeParseException e) {
                at.clear();
            }
        }
        if (config.get("days") instanceof List<?> named) {
            var chosen = EnumSet.noneOf(DayOfWeek.class);
            for (Object day : named) {
                for (DayOfWeek candidate : DayOfWeek.values()) {
                    if (candidate.name().startsWith(String.valueOf(day).toUpperCase(java.util.Locale.ROOT))) {
                        chosen.add(candidate);
                    }
                }
            }
            days.setValue(chosen);
        }
        cron.setValue(config.get("cron") == null ? "" : String.valueOf(config.get("cron")));
        if (config.get("timeZone") != null) {
            timeZone.setValue(String.valueOf(config.get("timeZone")));
        }
        start.setValue(dateTime(config.get("start")));
        end.setValue(dateTime(config.get("end")));
        limit.setValue(config.get("limit") instanceof Number n ? n.intValue() : null);
        if (config.get("field") != null) {
            field.setValue(String.valueOf(config.get("field")));
        }
        offset.setValue(config.get("offset") instanceof Number n ? n.intValue() : 0);
        if (config.get("offsetUnit") != null) {
            offsetUnit.setValue(String.valueOf(config.get("offsetUnit")));
        }
        direction.setValue("after".equals(config.get("direction")) ? "after" : "before");
        missed.setValue("skip".equals(config.get("missed")) ? "skip" : "runOnce");
    }

    /** The settings as saved; only those of the chosen kind of schedule. */
    Map<String, Object> write() {
        var config = new LinkedHashMap<String, Object>();
        config.put("mode", mode.getValue());
        if (onDateField()) {
            put(config, "field", field.getValue());
            config.put("offset", offset.getValue() == null ? 0 : offset.getValue());
            config.put("offsetUnit", offsetUnit.getValue());
            config.put("direction", direction.getValue());
            put(config, "at", at.getValue() == null ? null : at.getValue().toString());
        } else {
            String kind = repeat.getValue();
            config.put("repeat", kind);
            if ("minutes".equals(kind) || "hours".equals(kind)) {
                put(config, "every", every.getValue());
            }
            if ("daily".equals(kind) || "weekly".equals(kind)) {
                put(config, "at", at.getValue() == null ? null : at.getValue().toString());
            }
            if ("weekly".equals(kind)) {
                config.put("days", days.getValue().stream().sorted().map(DayOfWeek::name).toList());
            }
            if ("cron".equals(kind)) {
                put(config, "cron", cron.getValue().isBlank() ? null : cron.getValue().strip());
            }
            put(config, "start", start.getValue() == null ? null : start.getValue().withSecond(0).withNano(0).toString());
            put(config, "end", end.getValue() == null ? null : end.getValue().withSecond(0).withNano(0).toString());
            put(config, "limit", limit.getValue());
        }
        put(config, "timeZone", timeZone.getValue());
        config.put("missed", missed.getValue());
        return config;
    }

    private static void put(Map<String, Object> config, String key, Object value) {
        if (value != null) {
            config.put(key, value);
        }
    }

    private static LocalDateTime dateTime(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String written = String.valueOf(value);
            return written.length() == 10 ? java.time.LocalDate.parse(written).atStartOfDay() : LocalDateTime.parse(written);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
