package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordService;
import io.actionflow.platform.ApiTokens;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated malformed and hostile calls (broken JSON, wrong types, huge bodies, unknown fields, SQL and
 * expression injection where only ids or numbers belong, path traversal in collection names, missing and forged tokens,
 * wrong methods): every one gets a 4xx with a JSON error, none a 500, and the data stays as it was.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CALLS = 2400;

    /**
     * What no answer may show: a Java or library class or package, a stack trace, or HTML. (Java's own names, those of
     * the libraries we use, exception and internal type names, SpEL's message codes.)
     */
    static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b(java|javax|jakarta|org\\.springframework|org\\.apache|org\\.h2|org\\.postgresql|org\\.jooq|com\\.vaadin|tools\\.jackson|io\\.actionflow)\\.[a-z]"
                    + "|\\b[A-Z][a-zA-Z]+(Exception|Error)\\b|\\bLinkedHashMap\\b|\\bHashMap\\b|StreamReadConstraints|JsonReadFeature|\\bEL1\\d{3}E\\b"
                    + "|\\n\\s+at [a-z]|(?i)<html|<!doctype|<body");

    private static final List<String> HOSTILE = List.of("' OR 1=1 --", "1; DROP TABLE af_workflow; --", "\" OR \"\"=\"",
            "{{T(java.lang.Runtime).getRuntime().exec('id')}}", "#{T(java.lang.System).exit(0)}", "${jndi:ldap://x/a}",
            "$context.user", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "<script>alert(1)</script>", "\u0000",
            "%00", "\uD83D\uDE00", "NaN", "-1", "0", "99999999999999999999999", "1e309", "true", "[]", "{}", "null", "",
            " ", "\t\n", "a".repeat(5000));

    private static final List<String> INVALID = HOSTILE.stream()
            .filter(h -> !h.isBlank() && !h.matches("-?\\d+") && !h.equals("true") && !h.equals("null")).toList();

    @LocalServerPort
    int port;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    ApiTokens tokens;

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void malformed_and_hostile_calls_get_4xx_json_and_change_nothing() throws Exception {
        String orders = "fuzz_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Fuzz orders", null, null));
        collections.addField(orders, FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code").withRequired(true)));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        long existing = records.create(orders, Map.of("code", "KEEP", "amount", 1)).id();
        String token = tokens.create("admin", "fuzz").secret();
        long before = queries.count(orders, Filter.all());

        var random = new Random(20261122L);
        var failures = new ArrayList<String>();
        int sent = 0;
        for (int i = 0; i < CALLS; i++) {
            var call = call(random, orders, existing, token);
            var answer = send(call);
            sent++;
            if (answer.status() < 400 || answer.status() >= 500 || !json(answer.body()) || leaks(answer.body(), call)) {
                failures.add(answer.status() + " for " + call.describe() + " → " + cut(answer.body()));
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(2000);
        assertThat(failures).as("calls not answered 4xx with JSON").isEmpty();
        assertThat(queries.count(orders, Filter.all())).isEqualTo(before);
        assertThat(queries.get(orders, existing).orElseThrow().values()).containsEntry("code", "KEEP").containsEntry("amount", 1L);
    }

    /** One generated call: raw request line, headers and body, as a hostile client would write them. */
    record Call(String method, String target, String token, String contentType, byte[] body) {

        String describe() {
            return method + " " + cut(target) + " body " + cut(new String(body, StandardCharsets.UTF_8));
        }
    }

    private Call call(Random random, String orders, long existing, String token) {
        String hostile = HOSTILE.get(random.nextInt(HOSTILE.size()));
        // where only an id, a number, a field name or a key belongs: never one that happens to be valid there
        String invalid = INVALID.get(random.nextInt(INVALID.size()));
        String encoded = java.net.URLEncoder.encode(invalid, StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            // broken JSON
            case 0 -> post("/api/" + orders + ":create", token, brokenJson(random));
            // wrong types for typed fields, and unknown fields
            case 1 -> post("/api/" + orders + ":create", token, json(Map.of("code", "X", "amount", wrongNumber(random, hostile))));
            case 2 -> post("/api/" + orders + ":update?filterByTk=" + existing, token,
                    json(Map.of("no_such_field_" + random.nextInt(1000), hostile)));
            case 3 -> post("/api/" + orders + ":create", token, json(Map.of("code", List.of(hostile), "amount", 1)));
            // huge bodies
            case 4 -> post("/api/" + orders + ":create", token, huge(random));
            // injection where ids, numbers, field names and keys belong
            case 5 -> new Call("GET", "/api/" + orders + ":list?filter=" + java.net.URLEncoder.encode(
                    "{\"amount\": {\"$gt\": " + JSON.writeValueAsString(invalid) + "}}", StandardCharsets.UTF_8), token, null, new byte[0]);
            case 6 -> new Call("GET", "/api/" + orders + ":list?sort=" + encoded + "&page=" + encoded, token, null, new byte[0]);
            case 7 -> post("/api/" + orders + ":update?filterByTk=" + encoded, token, json(Map.of("amount", 2)));
            case 8 -> post("/api/" + orders + ":create?triggerWorkflows=" + encoded, token, json(Map.of("code", "Y")));
            // path traversal and nonsense in collection names and actions
            case 9 -> new Call(random.nextBoolean() ? "GET" : "POST", traversal(random, encoded), token, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8));
            // missing, forged and malformed tokens
            case 10 -> new Call("POST", "/api/" + orders + ":destroy?filterByTk=" + existing, forged(random, token, hostile),
                    "application/json", new byte[0]);
            // methods and media types not answered
            default -> new Call(List.of("PUT", "DELETE", "PATCH").get(random.nextInt(3)), "/api/" + orders + ":create", token,
                    random.nextBoolean() ? "text/plain" : "application/json", "{\"code\":\"Z\"}".getBytes(StandardCharsets.UTF_8));
        };
    }

    private static Call post(String target, String token, byte[] body) {
        return new Call("POST", target, token, "application/json", body);
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static byte[] brokenJson(Random random) {
        String[] broken = {"{", "{\"code\": ", "{\"code\": \"A\",}", "{code: 'A'}", "[{]", "\"just a string\"", "12",
                "{\"code\": \"A\" \"amount\": 1}", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "\u00ff\u00fe\u0000",
                "{\"code\": \"\\uZZZZ\"}", "null", "[]", "{\"code\": NaN}"};
        String text = broken[random.nextInt(broken.length)];
        if (random.nextInt(4) == 0) {
            byte[] noise = new byte[1 + random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Object wrongNumber(Random random, String hostile) {
        return switch (random.nextInt(5)) {
            case 0 -> hostile.isBlank() || hostile.matches("-?\\d{1,9}") ? "many" : hostile;
            case 1 -> Map.of("$gt", 1);
            case 2 -> List.of(1, 2);
            case 3 -> 1.5;
            default -> "99999999999999999999999";
        };
    }

    private static byte[] huge(Random random) {
        int size = RecordActions.MAX_BODY + 1 + random.nextInt(512 * 1024);
        var text = new StringBuilder(size + 32).append("{\"code\": \"");
        while (text.length() < size) {
            text.append("abcdefghij");
        }
        return text.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String traversal(Random random, String encoded) {
        String[] paths = {"/api/..%2F..%2Fetc%2Fpasswd:list", "/api/%2e%2e:list", "/api/..;/admin:list", "/api/.%00./x:list",
                "/api/%5C..%5Cwin:list", "/api/" + encoded + ":list", "/api/af_workflow:list", "/api/users:create",
                "/api/pg_catalog.pg_user:list", "/api/:list", "/api/x:", "/api/a%20b:list", "/api/x%27%3B--:create",
                "/api/" + "x".repeat(300) + ":list", "/api/orders:../../list", "/api//list"};
        return paths[random.nextInt(paths.length)];
    }

    private static String forged(Random random, String token, String hostile) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "af_" + UUID.randomUUID();
            case 2 -> token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            case 3 -> hostile.replaceAll("[\\r\\n\\t\\u0000]", "");
            default -> "x".repeat(500);
        };
    }

    /** Sends the call on a plain socket: exactly what was generated, without a client tidying it up. */
    private Answer send(Call call) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var head = new StringBuilder().append(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            if (call.token() != null) {
                head.append("Authorization: Bearer ").append(call.token()).append("\r\n");
            }
            if (call.contentType() != null) {
                head.append("Content-Type: ").append(call.contentType()).append("\r\n");
            }
            head.append("Content-Length: ").append(call.body().length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                out.write(call.body());
                out.flush();
            } catch (java.net.SocketException closedEarly) {
                // the server answered (413) before reading all of a huge body
            }
            InputStream in = socket.getInputStream();
            byte[] response = in.readAllBytes();
            int bodyStart = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headers = new String(response, 0, Math.max(bodyStart, 0), StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT);
            int status = Integer.parseInt(headers.substring(9, 12));
            byte[] body = bodyStart < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, bodyStart + 4, response.length);
            if (headers.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            String text = new String(body, StandardCharsets.UTF_8);
            return new Answer(status, headers.contains("content-type: application/json") ? text : "not json: " + text);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        var body = new java.io.ByteArrayOutputStream();
        int at = 0;
        byte[] lineBreak = "\r\n".getBytes(StandardCharsets.US_ASCII);
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, lineBreak, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).strip().split(";")[0];
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    record Answer(int status, String body) {
    }

    private static boolean json(String body) {
        try {
            return JSON.readValue(body, Object.class) instanceof Map<?, ?> map && map.get("errors") instanceof List<?>;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether an answer names internals; a name the call itself sent, and the answer quotes back, is no leak. */
    static boolean leaks(String answer, Call call) {
        String sent = java.net.URLDecoder.decode(call.target().replace("+", "%2B"), StandardCharsets.UTF_8)
                + new String(call.body(), StandardCharsets.UTF_8);
        var found = INTERNALS.matcher(answer);
        while (found.find()) {
            if (!sent.contains(found.group())) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
