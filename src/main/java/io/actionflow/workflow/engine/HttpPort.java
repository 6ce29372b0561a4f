package io.actionflow.workflow.engine;

import java.time.Duration;
import java.util.Map;

/** Sends the HTTP requests of HTTP request nodes; only to hosts the configuration allows. */
public interface HttpPort {

    record Response(int status, Map<String, String> headers, Object body) {
    }

    Response send(String method, String url, Map<String, String> headers, String body, Duration timeout);
}
