package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Sends the HTTP requests of HTTP request nodes; only to hosts the configuration allows. */
public interface HttpPort {

    record Response(int status, Map<String, String> headers, Object body) {
    }

    Response send(String method, String url, Map<String, String> headers, String body, Duration timeout);

    /** Why a request to this address would be refused, checked without sending it; empty when it would be sent. */
    default Optional<Text> refusal(String url) {
        return Optional.empty();
    }
}
