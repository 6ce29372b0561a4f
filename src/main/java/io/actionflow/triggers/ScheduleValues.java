package io.actionflow.triggers;

import io.actionflow.platform.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One value of a schedule's settings read as its type (a time of day, a local date and time, days of the week, a
 * whole number, a text), or the problem with it named on its setting; {@link ScheduleTimes} reads them.
 */
final class ScheduleValues {

    private ScheduleValues() {
    }

    static LocalTime time(Object value, String field, List<FieldError> errors) {
        String text = text(value, null);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "trigger.schedule.time", text));
            return null;
        }
    }

    static LocalDateTime dateTime(Object value, String field, List<FieldError> errors) {
        String text = text(value, null);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "trigger.schedule.dateTime", text));
            return null;
        }
    }

    static Set<DayOfWeek> days(Object value, List<FieldError> errors) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String name = String.valueOf(item).strip().toUpperCase(Locale.ROOT);
                DayOfWeek day = null;
                for (DayOfWeek candidate : DayOfWeek.values()) {
                    if (candidate.name().equals(name) || candidate.name().substring(0, 3).equals(name)) {
                        day = candidate;
                    }
                }
                if (day == null) {
                    errors.add(FieldError.of("days", "trigger.schedule.day", String.valueOf(item)));
                    return null;
                }
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            errors.add(FieldError.of("days", "trigger.schedule.days"));
            return null;
        }
        return new TreeSet<>(days);
    }

    /** A whole number, written as one or as text holding one; anything else is a problem, never a guess. */
    static Long whole(Object value, String field, List<FieldError> errors) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
            return Long.parseLong(text.strip());
        }
        errors.add(FieldError.of(field, "trigger.schedule.number", String.valueOf(value)));
        return null;
    }

    static String text(Object value, String otherwise) {
        return value == null || String.valueOf(value).isBlank() ? otherwise : String.valueOf(value).strip();
    }
}
