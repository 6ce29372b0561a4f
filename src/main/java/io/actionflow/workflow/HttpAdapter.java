package io.actionflow.workflow;

import io.actionflow.workflow.engine.HttpPort;
import io.actionflow.workflow.engine.NodeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** HTTP request nodes reach only the hosts in {@code actionflow.workflow.http.allowed-hosts}. */
@Component
class HttpAdapter implements HttpPort {

    /** The hosts HTTP request nodes may call (exact host names, or {@code *.example.com}). */
    @ConfigurationProperties("actionflow.workflow.http")
    record HttpSettings(List<String> allowedHosts) {
        HttpSettings {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }
    }

    private final HttpSettings settings;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpAdapter(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public Response send(String method, String url, Map<String, String> headers, String body, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new NodeFailure("workflow.error.url", url);
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new NodeFailure("workflow.error.scheme", url);
        }
        if (!allowed(uri.getHost())) {
            throw new NodeFailure("workflow.error.hostNotAllowed", uri.getHost());
        }
        var request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var responseHeaders = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k, String.join(", ", v)));
            return new Response(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new NodeFailure(e, "workflow.error.httpFailed", method, url, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeFailure(e, "workflow.error.httpInterrupted", method, url);
        }
    }

    private boolean allowed(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return settings.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).anyMatch(allowed ->
                allowed.startsWith("*.") ? lower.endsWith(allowed.substring(1)) : lower.equals(allowed));
    }
}
