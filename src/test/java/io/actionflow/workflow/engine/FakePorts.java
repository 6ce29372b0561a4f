package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory stand-ins for the world outside the engine, recording what the nodes asked of it. */
final class FakePorts {

    final List<Map<String, Object>> rows = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<String> notified = new ArrayList<>();
    final List<MailPort.Mail> mailed = new ArrayList<>();
    /** Why no mail can be sent, or null when it can. */
    Text mailOff;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    final FakeTasks tasks = new FakeTasks();

    HttpPort.Response nextResponse = new HttpPort.Response(200, Map.of(), "ok");
    RuntimeException failNextCreate;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    Ports ports() {
        RecordPort records = new RecordPort() {
            @Override
            public List<Map<String, Object>> find(String collection, List<Condition> filter, List<Sort> sorts, int limit) {
                calls.add("find " + collection + " " + filter);
                return rows.stream().filter(r -> matches(r, filter)).limit(limit).toList();
            }

            @Override
            public Map<String, Object> create(String collection, Map<String, Object> values) {
                if (failNextCreate != null) {
                    var failure = failNextCreate;
                    failNextCreate = null;
                    throw failure;
                }
                calls.add("create " + collection + " " + values);
                var row = new LinkedHashMap<>(values);
                row.put("id", (long) rows.size() + 1);
                rows.add(row);
                return row;
            }

            @Override
            public int update(String collection, List<Condition> filter, Map<String, Object> values) {
                calls.add("update " + collection + " " + filter + " " + values);
                var matching = rows.stream().filter(r -> matches(r, filter)).toList();
                matching.forEach(r -> r.putAll(values));
                return matching.size();
            }

            @Override
            public int delete(String collection, List<Condition> filter) {
                calls.add("delete " + collection + " " + filter);
                var matching = rows.stream().filter(r -> matches(r, filter)).toList();
                rows.removeAll(matching);
                return matching.size();
            }
        };
        HttpPort http = request -> {
            String url = request.address();
            for (int i = 0; i < request.values().size(); i++) {
                url = url.replace("{" + i + "}", request.values().get(i));
            }
            String body = switch (request.body()) {
                case null -> null;
                case HttpPort.Body.Json json -> JSON.writeValueAsString(json.value());
                case HttpPort.Body.Plain plain -> plain.text();
            };
            calls.add(request.method() + " " + url + " " + body);
            return nextResponse;
        };
        NotificationPort notifications = (users, title, message, link) -> notified.add(users + " " + title + ": " + message);
        MailPort mail = new MailPort() {
            @Override
            public java.util.Optional<Text> unavailable() {
                return java.util.Optional.ofNullable(mailOff);
            }

            @Override
            public void send(Mail sent) {
                mailed.add(sent);
            }
        };
        return new Ports(records, http, notifications, mail, tasks, clock);
    }

    private static boolean matches(Map<String, Object> row, List<RecordPort.Condition> filter) {
        return filter.stream().allMatch(c -> c.values().isEmpty() || String.valueOf(row.get(c.field())).equals(String.valueOf(c.values().getFirst())));
    }

    /** Forms asked of people: each execution's job is asked once, and submitted when a test says so. */
    static final class FakeTasks implements TaskPort {
        final List<Ask> asked = new ArrayList<>();
        final List<String> reminded = new ArrayList<>();
        final List<String> expired = new ArrayList<>();
        final Map<String, List<Submission>> submissions = new LinkedHashMap<>();
        final Map<String, List<String>> people = new LinkedHashMap<>();
        /** Whom a name that is not a known username or id stands for. */
        final Map<String, List<String>> roles = new LinkedHashMap<>();

        @Override
        public List<String> ask(Ask ask) {
            String key = ask.executionId() + "/" + ask.jobKey();
            if (people.containsKey(key)) {
                return people.get(key);
            }
            asked.add(ask);
            var named = new ArrayList<>(ask.named());
            if (ask.role() != null) {
                named.addAll(roles.getOrDefault(ask.role(), List.of()));
            }
            people.put(key, named);
            return named;
        }

        void submit(long executionId, String jobKey, String by, Map<String, Object> values, Instant at) {
            submissions.computeIfAbsent(executionId + "/" + jobKey, k -> new ArrayList<>()).add(new Submission(by, values, at));
        }

        @Override
        public Progress progress(long executionId, String jobKey) {
            String key = executionId + "/" + jobKey;
            var done = submissions.getOrDefault(key, List.of());
            var open = people.getOrDefault(key, List.of()).stream().filter(p -> done.stream().noneMatch(s -> s.by().equals(p))).toList();
            boolean all = asked.stream().filter(a -> (a.executionId() + "/" + a.jobKey()).equals(key)).anyMatch(Ask::all);
            return new Progress(all ? open.isEmpty() && !done.isEmpty() : !done.isEmpty(), all ? done : done.stream().limit(1).toList(),
                    all || done.isEmpty() ? open : List.of());
        }

        @Override
        public List<String> remind(long executionId, String jobKey) {
            reminded.add(executionId + "/" + jobKey);
            return progress(executionId, jobKey).open();
        }

        @Override
        public void expire(long executionId, String jobKey) {
            expired.add(executionId + "/" + jobKey);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
