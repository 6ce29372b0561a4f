package io.actionflow.workflow.ui;

import io.actionflow.collections.CollectionDefinition;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A schedule in one line, for its card: "Daily at 08:00 · Europe/Amsterdam", "3 days before Due date". */
final class ScheduleSummary {

    private ScheduleSummary() {
    }

    /** Says a message with arguments in the viewer's language ({@code getTranslation}). */
    interface Words {
        String say(String key, Object... args);
    }

    static String of(Map<String, Object> config, CollectionDefinition collection, Words text, Locale locale) {
        String zone = config.get("timeZone") == null ? "" : " · " + config.get("timeZone");
        if ("dateField".equals(config.get("mode"))) {
            String field = config.get("field") == null ? "?" : FieldLabels.of(collection, String.valueOf(config.get("field")));
            long offset = config.get("offset") instanceof Number n ? n.longValue() : 0;
            if (offset == 0) {
                return text.say("trigger.schedule.summary.onDate", field);
            }
            String unit = String.valueOf(config.getOrDefault("offsetUnit", "days"));
            String amount = text.say("trigger.schedule.amount." + unit, offset);
            return text.say("after".equals(config.get("direction")) ? "trigger.schedule.summary.after"
                    : "trigger.schedule.summary.before", amount, field);
        }
        String at = String.valueOf(config.getOrDefault("at", "?"));
        String repeat = String.valueOf(config.get("repeat"));
        String line = switch (repeat) {
            case "minutes", "hours" -> text.say("trigger.schedule.summary." + repeat, config.getOrDefault("every", "?"));
            case "daily" -> text.say("trigger.schedule.summary.daily", at);
            case "weekly" -> text.say("trigger.schedule.summary.weekly", days(config.get("days"), locale), at);
            case "cron" -> text.say("trigger.schedule.summary.cron", config.getOrDefault("cron", "?"));
            default -> text.say("triggerType.schedule");
        };
        return line + zone;
    }

    private static String days(Object value, Locale locale) {
        if (!(value instanceof List<?> list)) {
            return "?";
        }
        return String.join(", ", list.stream().map(d -> {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().startsWith(String.valueOf(d).toUpperCase(Locale.ROOT))) {
                    return day.getDisplayName(TextStyle.SHORT, locale);
                }
            }
            return String.valueOf(d);
        }).toList());
    }
}
