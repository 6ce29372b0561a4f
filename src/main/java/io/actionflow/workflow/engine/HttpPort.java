package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sends the HTTP requests of HTTP request nodes; only to hosts the configuration allows. */
public interface HttpPort {

    record Response(int status, Map<String, String> headers, Object body) {
    }

    /**
     * One request. The address is the admin's, a URI template in which each variable is {@code {0}}, {@code {1}}, …
     * (RFC 6570 simple expansion): its value goes in percent-encoded, as one path segment or one parameter value, so
     * data never changes the address's scheme, host, path or parameter names.
     */
    record Request(String method, String address, List<String> values, Map<String, String> headers, Body body,
            Duration timeout) {

        public Request {
            values = List.copyOf(values);
            headers = Map.copyOf(headers);
        }
    }

    /** What a request carries: a JSON value sent as JSON (values inside it are JSON values, never spliced text), or a text. */
    sealed interface Body {

        record Json(Object value) implements Body {
        }

        record Plain(String text) implements Body {
        }
    }

    Response send(Request request);

    /**
     * Why a request to this address would be refused, checked without sending it; empty when it would be sent. The
     * address may be a template ({@link Request#address()}): its scheme and host are checked, and it is refused when
     * a variable stands in them or in a parameter's name.
     */
    default Optional<Text> refusal(String address) {
        return Optional.empty();
    }
}
