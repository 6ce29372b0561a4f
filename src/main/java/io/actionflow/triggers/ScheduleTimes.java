package io.actionflow.triggers;

import io.actionflow.platform.FieldError;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule fires, read from its settings: at fixed times (a repeat in a time zone, between an optional start
 * and end), or at a date held by a record, moved by an offset. Plain computation: the caller says what "now" is.
 *
 * <p>Fixed times are wall-clock times of the zone. Each local time fires once: on the day the clocks go back, the hour
 * that comes twice fires the first time only; on the day they go forward, a time in the skipped hour fires once, moved
 * on by the length of the jump (02:30 fires at 03:30), and a time the jump passes over when a later one follows
 * (every 30 minutes) is left out.
 */
public final class ScheduleTimes {

    /** How fixed times repeat: every few minutes or hours (counted from midnight), daily, on days of the week, or cron. */
    public enum Repeat {
        MINUTES, HOURS, DAILY, WEEKLY, CRON;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a fire does that was due while no instance ran: run once on start, or not at all. */
    public enum Missed {
        RUN_ONCE, SKIP;

        public String key() {
            return this == RUN_ONCE ? "runOnce" : "skip";
        }
    }

    /** The steps "every N minutes" and "every N hours" may take: those that divide an hour or a day evenly. */
    public static final List<Integer> MINUTE_STEPS = List.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);
    public static final List<Integer> HOUR_STEPS = List.of(1, 2, 3, 4, 6, 8, 12);
    /** The offset units of a date-field schedule. */
    public static final List<String> OFFSET_UNITS = List.of("minutes", "hours", "days");
    /** How far apart the fires of one schedule may be looked for (a cron for 29 February fires within 8 years). */
    private static final int SEARCH = 5_000;

    private final boolean onDateField;
    private final CronExpression cron;
    private final ZoneId zone;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final Integer limit;
    private final Missed missed;
    private final LocalTime at;
    private final long offset;
    private final ChronoUnit offsetUnit;

    private ScheduleTimes(boolean onDateField, CronExpression cron, ZoneId zone, LocalDateTime start,
            LocalDateTime end, Integer limit, Missed missed, LocalTime at, long offset, ChronoUnit offsetUnit) {
        this.onDateField = onDateField;
        this.cron = cron;
        this.zone = zone;
        this.start = start;
        this.end = end;
        this.limit = limit;
        this.missed = missed;
        this.at = at;
        this.offset = offset;
        this.offsetUnit = offsetUnit;
    }

    /** The times of these settings; refused (with the first problem) when {@link #problems} finds any. */
    public static ScheduleTimes of(Map<String, Object> settings) {
        var errors = new ArrayList<FieldError>();
        var times = read(settings, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("A schedule setting is wrong: " + errors.getFirst());
        }
        return times;
    }

    /** What is wrong with these settings, one problem per setting (the field and its type are checked by the caller). */
    public static List<FieldError> problems(Map<String, Object> settings, Instant now) {
        var errors = new ArrayList<FieldError>();
        var times = read(settings, errors);
        if (errors.isEmpty() && !times.onDateField && times.next(now, 0) == null) {
            errors.add(FieldError.of(times.end != null ? "end" : "cron", "trigger.schedule.never"));
        }
        return errors;
    }

    private static ScheduleTimes read(Map<String, Object> raw, List<FieldError> errors) {
        Map<String, Object> settings = raw == null ? Map.of() : raw;
        String mode = ScheduleValues.text(settings.get("mode"), "fixed");
        if (!mode.equals("fixed") && !mode.equals("dateField")) {
            errors.add(FieldError.of("mode", "trigger.schedule.mode"));
        }
        boolean dated = mode.equals("dateField");
        ZoneId zone = ZoneId.of("UTC");
        String zoneName = ScheduleValues.text(settings.get("timeZone"), null);
        if (zoneName == null) {
            errors.add(FieldError.of("timeZone", "validation.required"));
        } else {
            try {
                zone = ZoneId.of(zoneName);
            } catch (java.time.DateTimeException e) {
                errors.add(FieldError.of("timeZone", "trigger.schedule.timeZone", zoneName));
            }
        }
        Missed missed = Missed.RUN_ONCE;
        String missedName = ScheduleValues.text(settings.get("missed"), "runOnce");
        if (missedName.equals("skip")) {
            missed = Missed.SKIP;
        } else if (!missedName.equals("runOnce")) {
            errors.add(FieldError.of("missed", "trigger.schedule.missed"));
        }
        LocalTime at = ScheduleValues.time(settings.get("at"), "at", errors);
        if (dated) {
            long offset = 0;
            Long count = ScheduleValues.whole(settings.get("offset"), "offset", errors);
            if (count != null && (count < 0 || count > 100_000)) {
                errors.add(FieldError.of("offset", "trigger.schedule.offset"));
            } else if (count != null) {
                offset = count;
            }
            String unit = ScheduleValues.text(settings.get("offsetUnit"), "days");
            if (!OFFSET_UNITS.contains(unit)) {
                errors.add(FieldError.of("offsetUnit", "trigger.schedule.offsetUnit"));
                unit = "days";
            }
            String direction = ScheduleValues.text(settings.get("direction"), "before");
            if (!direction.equals("before") && !direction.equals("after")) {
                errors.add(FieldError.of("direction", "trigger.schedule.direction"));
            }
            return new ScheduleTimes(true, null, zone, null, null, null, missed, at == null ? LocalTime.MIDNIGHT : at,
                    direction.equals("before") ? -offset : offset, ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT)));
        }
        Repeat repeat = null;
        String repeatName = ScheduleValues.text(settings.get("repeat"), null);
        for (Repeat candidate : Repeat.values()) {
            if (candidate.key().equals(repeatName)) {
                repeat = candidate;
            }
        }
        CronExpression cron = null;
        if (repeat == null) {
            errors.add(FieldError.of("repeat", repeatName == null ? "validation.required" : "trigger.schedule.repeat"));
        } else {
            cron = cron(repeat, settings, at, errors);
        }
        LocalDateTime start = ScheduleValues.dateTime(settings.get("start"), "start", errors);
        LocalDateTime end = ScheduleValues.dateTime(settings.get("end"), "end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(FieldError.of("end", "trigger.schedule.endBeforeStart"));
        }
        Long limit = ScheduleValues.whole(settings.get("limit"), "limit", errors);
        if (limit != null && (limit < 1 || limit > 1_000_000)) {
            errors.add(FieldError.of("limit", "trigger.schedule.limit"));
        }
        return new ScheduleTimes(false, cron, zone, start, end, limit == null ? null : limit.intValue(), missed, at, 0,
                ChronoUnit.MINUTES);
    }

    /** The repeat as one cron expression (with seconds, as Spring reads it) over the zone's wall-clock time. */
    private static CronExpression cron(Repeat repeat, Map<String, Object> settings, LocalTime at, List<FieldError> errors) {
        String expression = null;
        switch (repeat) {
            case MINUTES, HOURS -> {
                Long every = ScheduleValues.whole(settings.get("every"), "every", errors);
                List<Integer> steps = repeat == Repeat.MINUTES ? MINUTE_STEPS : HOUR_STEPS;
                if (every == null) {
                    if (settings.get("every") == null) {
                        errors.add(FieldError.of("every", "validation.required"));
                    }
                } else if (!steps.contains(every.intValue()) || every > 60) {
                    errors.add(FieldError.of("every", repeat == Repeat.MINUTES ? "trigger.schedule.everyMinutes"
                            : "trigger.schedule.everyHours", String.join(", ", steps.stream().map(String::valueOf).toList())));
                } else {
                    expression = repeat == Repeat.MINUTES ? "0 */" + every + " * * * *" : "0 0 */" + every + " * * *";
                }
            }
            case DAILY -> {
                if (at == null) {
                    atRequired(settings, errors);
                } else {
                    expression = "0 " + at.getMinute() + " " + at.getHour() + " * * *";
                }
            }
            case WEEKLY -> {
                var days = ScheduleValues.days(settings.get("days"), errors);
                if (at == null) {
                    atRequired(settings, errors);
                } else if (days != null) {
                    expression = "0 " + at.getMinute() + " " + at.getHour() + " * * "
                            + String.join(",", days.stream().map(d -> d.name().substring(0, 3)).toList());
                }
            }
            case CRON -> {
                String written = ScheduleValues.text(settings.get("cron"), null);
                if (written == null) {
                    errors.add(FieldError.of("cron", "validation.required"));
                } else {
                    String[] parts = written.split("\\s+");
                    if (!written.startsWith("@") && parts.length != 5) {
                        errors.add(FieldError.of("cron", "trigger.schedule.cronFields"));
                    } else {
                        expression = written.startsWith("@") ? written : "0 " + String.join(" ", parts);
                    }
                }
            }
        }
        if (expression == null) {
            return null;
        }
        try {
            return CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            // the parser's words name its own fields and the six-field form the admin never wrote: said in ours
            errors.add(FieldError.of("cron", "trigger.schedule.cron"));
            return null;
        }
    }

    /** A time of day is needed: said once, and not again when the one written could not be read. */
    private static void atRequired(Map<String, Object> settings, List<FieldError> errors) {
        if (ScheduleValues.text(settings.get("at"), null) == null) {
            errors.add(FieldError.of("at", "validation.required"));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public Missed missed() {
        return missed;
    }

    /** The first fixed time strictly after {@code after}, within start and end; null when there is none. */
    public Instant next(Instant after) {
        return next(after, 0);
    }

    /** As {@link #next(Instant)}, when {@code fired} fires have been made already (none when that reaches the limit). */
    public Instant next(Instant after, int fired) {
        if (onDateField || cron == null || limit != null && fired >= limit) {
            return null;
        }
        Instant from = after;
        if (start != null) {
            Instant opens = ZonedDateTime.ofLocal(start, zone, null).toInstant().minusNanos(1);
            from = from.isBefore(opens) ? opens : from;
        }
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        for (int i = 0; i < SEARCH; i++) {
            LocalDateTime candidate = cron.next(local);
            if (candidate == null || end != null && candidate.isAfter(end)) {
                return null;
            }
            // a time in a skipped hour moves on by the jump; of one that comes twice, the first
            Instant at = ZonedDateTime.ofLocal(candidate, zone, null).toInstant();
            if (at.isAfter(from)) {
                return at;
            }
            local = candidate;
        }
        return null;
    }

    /** The next {@code count} fixed times after {@code after} (fewer when it ends), for a preview. */
    public List<Instant> upcoming(Instant after, int count) {
        var times = new ArrayList<Instant>();
        Instant last = after;
        while (times.size() < count) {
            Instant next = next(last, times.size());
            if (next == null) {
                break;
            }
            times.add(next);
            last = next;
        }
        return times;
    }

    /** How many fixed times fall in ({@code from}, {@code to}], up to {@code most}. */
    public int between(Instant from, Instant to, int most) {
        int count = 0;
        Instant last = from;
        while (count < most) {
            Instant next = next(last);
            if (next == null || next.isAfter(to)) {
                break;
            }
            count++;
            last = next;
        }
        return count;
    }

    /**
     * When a record whose date field holds {@code value} is due: a date at the set time of day in the zone, a date and
     * time as it is; then moved by the offset (in days, the same wall-clock time). Null when the value is not a date.
     */
    public Instant due(Object value) {
        ZonedDateTime base;
        if (value instanceof LocalDate date) {
            base = ZonedDateTime.ofLocal(date.atTime(at), zone, null);
        } else if (value instanceof OffsetDateTime time) {
            base = time.atZoneSameInstant(zone);
        } else if (value instanceof LocalDateTime time) {
            base = ZonedDateTime.ofLocal(time, zone, null);
        } else if (value instanceof Instant instant) {
            base = instant.atZone(zone);
        } else {
            return null;
        }
        return base.plus(offset, offsetUnit).toInstant();
    }
}
