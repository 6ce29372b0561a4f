package io.actionflow.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.platform.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fire times of schedules, with the time given (no clock, no sleep): repeats, zones, daylight-saving days, bounds. */
class ScheduleTimesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), AMSTERDAM).toInstant();
    }

    private static Map<String, Object> settings(Object... pairs) {
        var map = new HashMap<String, Object>();
        map.put("timeZone", "Europe/Amsterdam");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void daily_at_a_time_fires_at_that_wall_clock_time_in_the_zone_winter_and_summer() {
        var times = ScheduleTimes.of(settings("repeat", "daily", "at", "08:00"));
        assertThat(times.next(at("2027-01-10T09:00"))).isEqualTo(Instant.parse("2027-01-11T07:00:00Z"));
        assertThat(times.next(at("2027-07-10T07:59"))).isEqualTo(Instant.parse("2027-07-10T06:00:00Z"));
        // a time that is a fire is not the next one after itself
        assertThat(times.next(Instant.parse("2027-07-10T06:00:00Z"))).isEqualTo(Instant.parse("2027-07-11T06:00:00Z"));
    }

    @Test
    void weekly_on_days_every_few_minutes_or_hours_and_cron_follow_the_zone() {
        var weekly = ScheduleTimes.of(settings("repeat", "weekly", "days", List.of("MON", "friday"), "at", "8:30"));
        // Wednesday 9 June 2027: next is Friday 11 June 08:30, then Monday 14 June
        assertThat(weekly.upcoming(at("2027-06-09T12:00"), 2)).containsExactly(at("2027-06-11T08:30"), at("2027-06-14T08:30"));
        var minutes = ScheduleTimes.of(settings("repeat", "minutes", "every", "15"));
        assertThat(minutes.upcoming(at("2027-06-09T12:07"), 3))
                .containsExactly(at("2027-06-09T12:15"), at("2027-06-09T12:30"), at("2027-06-09T12:45"));
        var hours = ScheduleTimes.of(settings("repeat", "hours", "every", 6));
        assertThat(hours.upcoming(at("2027-06-09T13:00"), 2)).containsExactly(at("2027-06-09T18:00"), at("2027-06-10T00:00"));
        var cron = ScheduleTimes.of(settings("repeat", "cron", "cron", "0 9 * * 1-5"));
        // Saturday 12 June 2027: next weekday at 09:00 is Monday 14 June
        assertThat(cron.next(at("2027-06-12T10:00"))).isEqualTo(at("2027-06-14T09:00"));
        var tokyo = ScheduleTimes.of(Map.of("repeat", "daily", "at", "08:00", "timeZone", "Asia/Tokyo"));
        assertThat(tokyo.next(Instant.parse("2027-06-09T00:00:00Z"))).isEqualTo(Instant.parse("2027-06-09T23:00:00Z"));
    }

    @Test
    void on_the_spring_forward_day_a_time_in_the_skipped_hour_fires_once_an_hour_later_and_nothing_fires_twice() {
        // 28 March 2027: Amsterdam's clocks go from 02:00 to 03:00
        var daily = ScheduleTimes.of(settings("repeat", "daily", "at", "02:30"));
        assertThat(daily.upcoming(at("2027-03-27T12:00"), 3)).containsExactly(
                Instant.parse("2027-03-28T01:30:00Z"), // 03:30 summer time, once
                at("2027-03-29T02:30"), at("2027-03-30T02:30"));
        var halfHourly = ScheduleTimes.of(settings("repeat", "minutes", "every", 30));
        var fires = halfHourly.upcoming(at("2027-03-28T01:00"), 5);
        assertThat(fires).containsExactly(Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T01:00:00Z"),
                Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-28T02:00:00Z"), Instant.parse("2027-03-28T02:30:00Z"));
        assertThat(fires).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void on_the_fall_back_day_the_hour_that_comes_twice_fires_the_first_time_only() {
        // 31 October 2027: Amsterdam's clocks go from 03:00 back to 02:00
        var daily = ScheduleTimes.of(settings("repeat", "daily", "at", "02:30"));
        assertThat(daily.upcoming(at("2027-10-30T12:00"), 2)).containsExactly(
                Instant.parse("2027-10-31T00:30:00Z"), // 02:30 summer time; 02:30 winter time (01:30Z) does not fire
                at("2027-11-01T02:30"));
        var quarter = ScheduleTimes.of(settings("repeat", "minutes", "every", 15));
        var fires = quarter.upcoming(Instant.parse("2027-10-31T00:00:00Z"), 12);
        assertThat(fires).doesNotHaveDuplicates().isSorted();
        // from 02:45 summer time (00:45Z) it goes on at 03:00 winter time (02:00Z): the repeated hour fires once
        assertThat(fires).contains(Instant.parse("2027-10-31T00:45:00Z"), Instant.parse("2027-10-31T02:00:00Z"))
                .doesNotContain(Instant.parse("2027-10-31T01:30:00Z"));
    }

    @Test
    void start_end_and_limit_bound_the_fires() {
        var bounded = ScheduleTimes.of(settings("repeat", "daily", "at", "08:00", "start", "2027-06-10", "end", "2027-06-12T08:00",
                "limit", 2));
        assertThat(bounded.upcoming(at("2027-06-01T00:00"), 10)).containsExactly(at("2027-06-10T08:00"), at("2027-06-11T08:00"));
        var unlimited = ScheduleTimes.of(settings("repeat", "daily", "at", "08:00", "start", "2027-06-10", "end", "2027-06-12T08:00"));
        assertThat(unlimited.upcoming(at("2027-06-01T00:00"), 10)).hasSize(3);
        assertThat(bounded.next(at("2027-06-10T09:00"), 2)).isNull();
        assertThat(unlimited.between(at("2027-06-09T00:00"), at("2027-06-11T09:00"), 100)).isEqualTo(2);
    }

    @Test
    void a_date_field_fires_at_its_date_moved_by_the_offset_in_wall_clock_days() {
        var before = ScheduleTimes.of(settings("mode", "dateField", "offset", 3, "offsetUnit", "days", "direction", "before",
                "at", "09:00"));
        // due 30 March 2027 (summer time): three days before at 09:00 is 27 March, still winter time
        assertThat(before.due(LocalDate.parse("2027-03-30"))).isEqualTo(at("2027-03-27T09:00"));
        var after = ScheduleTimes.of(settings("mode", "dateField", "offset", "2", "offsetUnit", "hours", "direction", "after"));
        assertThat(after.due(OffsetDateTime.parse("2027-06-09T10:00:00Z"))).isEqualTo(Instant.parse("2027-06-09T12:00:00Z"));
        var onTheDay = ScheduleTimes.of(settings("mode", "dateField"));
        assertThat(onTheDay.due(LocalDate.parse("2027-06-09"))).isEqualTo(at("2027-06-09T00:00"));
        assertThat(onTheDay.due("2027-06-09")).isNull();
        assertThat(onTheDay.due(null)).isNull();
    }

    @Test
    void wrong_settings_are_named_one_problem_each_and_never_guessed() {
        Instant now = at("2027-06-09T12:00");
        assertThat(keys(ScheduleTimes.problems(Map.of("repeat", "daily"), now)))
                .containsExactlyInAnyOrder("timeZone:validation.required", "at:validation.required");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "minutes", "every", 7), now)))
                .containsExactly("every:trigger.schedule.everyMinutes");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "minutes", "every", "15.0"), now)))
                .containsExactly("every:trigger.schedule.number");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "cron", "cron", "0 9 * *"), now)))
                .containsExactly("cron:trigger.schedule.cronFields");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "cron", "cron", "0 25 * * *"), now)))
                .containsExactly("cron:trigger.schedule.cron");
        assertThat(keys(ScheduleTimes.problems(Map.of("repeat", "daily", "at", "08:00", "timeZone", "Mars/Olympus"), now)))
                .containsExactly("timeZone:trigger.schedule.timeZone");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "daily", "at", "25:00"), now)))
                .containsExactly("at:trigger.schedule.time");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "weekly", "at", "08:00", "days", List.of("MON", "someday")), now)))
                .containsExactly("days:trigger.schedule.day");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "weekly", "at", "08:00"), now)))
                .containsExactly("days:trigger.schedule.days");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "daily", "at", "08:00", "start", "2027-06-10", "end", "2027-06-01"), now)))
                .containsExactly("end:trigger.schedule.endBeforeStart");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "daily", "at", "08:00", "end", "2027-06-01"), now)))
                .containsExactly("end:trigger.schedule.never");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "daily", "at", "08:00", "limit", 0), now)))
                .containsExactly("limit:trigger.schedule.limit");
        assertThat(keys(ScheduleTimes.problems(settings("repeat", "daily", "at", "08:00", "missed", "always"), now)))
                .containsExactly("missed:trigger.schedule.missed");
        assertThat(keys(ScheduleTimes.problems(settings("mode", "dateField", "offset", -1, "offsetUnit", "weeks"), now)))
                .containsExactly("offset:trigger.schedule.offset", "offsetUnit:trigger.schedule.offsetUnit");
        assertThat(ScheduleTimes.problems(settings("repeat", "cron", "cron", "@daily"), now)).isEmpty();
    }
}
