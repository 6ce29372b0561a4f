package io.actionflow.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls to the running application's API over real HTTP, for the API's tests. */
class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(int port) {
        this.port = port;
    }

    Answer get(String path, String token) throws Exception {
        return send("GET", path, token, null, Map.of());
    }

    Answer post(String path, String token, Object body) throws Exception {
        return post(path, token, body, Map.of());
    }

    Answer post(String path, String token, Object body, Map<String, String> headers) throws Exception {
        return send("POST", path, token, body == null ? null : JSON.writeValueAsString(body), headers);
    }

    Answer raw(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, Map.of());
    }

    Answer send(String method, String path, String token, String body, Map<String, String> headers) throws Exception {
        return typed(method, path, token, body, "application/json", headers);
    }

    /** A call with a body of this media type (null: no Content-Type at all). */
    Answer typed(String method, String path, String token, String body, String contentType, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** An answer: its status and its JSON. */
    record Answer(int status, String body, String contentType) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return body.isBlank() ? Map.of() : (Map<String, Object>) JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json().get("data");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json().get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> meta() {
            return (Map<String, Object>) json().get("meta");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) json().get("errors");
        }

        String error() {
            var errors = errors();
            return errors == null || errors.isEmpty() ? null : String.valueOf(errors.getFirst().get("message"));
        }
    }
}
