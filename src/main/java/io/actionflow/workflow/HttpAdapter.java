package io.actionflow.workflow;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.HttpPort;
import io.actionflow.workflow.engine.NodeFailure;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP request nodes reach only the hosts in {@code actionflow.workflow.http.allowed-hosts}, and only where those
 * names resolve to public addresses: a name that resolves to a loopback, private, link-local (cloud metadata) or
 * other internal address is refused unless that address is listed in {@code allowed-addresses} (or written as the
 * allowed host itself). The name is resolved just before the call; the JVM caches the answer, so the client connects
 * to the address that was checked.
 */
@Component
class HttpAdapter implements HttpPort {

    /**
     * The hosts HTTP request nodes may call (exact host names, {@code *.example.com}, or literal addresses), and the
     * internal addresses ({@code 10.0.0.5} or {@code 10.0.0.0/24}) they may reach although they are not public.
     */
    @ConfigurationProperties("actionflow.workflow.http")
    record HttpSettings(List<String> allowedHosts, List<String> allowedAddresses) {
        HttpSettings {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
            allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
        }
    }

    private final HttpSettings settings;
    /**
     * Made for the first request: building one starts its selector thread, which an instance whose workflows never call
     * out does not need (and it was a noticeable part of the start).
     */
    private final SingletonSupplier<HttpClient> client = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());

    private final JsonMapper json;

    HttpAdapter(HttpSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public Response send(Request request) {
        URI uri;
        try {
            // the template's own text is encoded where it must be; each value strictly, as one segment or parameter value
            uri = UriComponentsBuilder.fromUriString(request.address()).encode()
                    .buildAndExpand(request.values().toArray()).toUri();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NodeFailure(e, "workflow.error.url", request.address());
        }
        String url = uri.toString();
        if (uri.getRawPath() != null && java.util.Arrays.stream(uri.getRawPath().split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            // a value that is a whole path step would move the address (/a/../b is /b to the server): not sent
            throw new NodeFailure("workflow.error.urlStep", request.address());
        }
        var refused = refusal(url);
        if (refused.isPresent()) {
            throw new NodeFailure(refused.get().key(), refused.get().args().toArray());
        }
        String method = request.method();
        var builder = HttpRequest.newBuilder(uri).timeout(request.timeout()).method(method, switch (request.body()) {
            case null -> HttpRequest.BodyPublishers.noBody();
            case Body.Json json -> HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(json.value()));
            case Body.Plain plain -> HttpRequest.BodyPublishers.ofString(plain.text());
        });
        if (request.body() instanceof Body.Json && request.headers().keySet().stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
            builder.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        }
        request.headers().forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException notAllowed) {
                // a header the client sets itself (Host, Content-Length), or a name or value no request may carry
                throw new NodeFailure(notAllowed, "workflow.error.headerRefused", name);
            }
        });
        try {
            var response = client.obtain().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            var responseHeaders = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k, String.join(", ", v)));
            return new Response(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new NodeFailure(e, "workflow.error.httpFailed", method, url, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new NodeFailure(e, "workflow.error.url", url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeFailure(e, "workflow.error.httpInterrupted", method, url);
        }
    }

    /**
     * A template ({@code https://api.example.com/items/{0}?q={1}}) is checked on its scheme and host, which no variable
     * may stand in, nor may one name a parameter; an address without variables is checked as it is.
     */
    private Optional<Text> templateRefusal(String template) {
        UriComponents parts;
        boolean variableInPlace;
        try {
            parts = UriComponentsBuilder.fromUriString(template).build();
            variableInPlace = Stream.of(parts.getScheme(), parts.getHost(), parts.getUserInfo(),
                            parts.getPort() < 0 ? null : String.valueOf(parts.getPort()))
                    .anyMatch(part -> part != null && part.contains("{"))
                    || parts.getQueryParams().keySet().stream().anyMatch(name -> name.contains("{"))
                    || template.substring(0, Math.max(0, template.indexOf("//") + 2)).contains("{");
        } catch (IllegalArgumentException e) {
            return Optional.of(Text.of("workflow.error.url", template));
        } catch (IllegalStateException variableInPort) {
            // Spring's parser will not read a port that is a variable
            return Optional.of(Text.of("workflow.error.urlVariable", template));
        }
        if (variableInPlace) {
            return Optional.of(Text.of("workflow.error.urlVariable", template));
        }
        if (parts.getScheme() == null || parts.getHost() == null) {
            return Optional.of(Text.of("workflow.error.url", template));
        }
        return refusal(parts.getScheme() + "://" + parts.getHost() + (parts.getPort() < 0 ? "" : ":" + parts.getPort()) + "/");
    }

    @Override
    public Optional<Text> refusal(String url) {
        if (url.contains("{")) {
            return templateRefusal(url);
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(Text.of("workflow.error.url", url));
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("workflow.error.scheme", url));
        }
        String host = uri.getHost();
        if (host == null || !allowed(host)) {
            return Optional.of(Text.of("workflow.error.hostNotAllowed", host == null ? url : host));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(Text.of("workflow.error.hostUnknown", host));
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !explicitlyAllowed(host, address)) {
                return Optional.of(Text.of("workflow.error.hostInternal", host, address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        String lower = unbracketed(host).toLowerCase(Locale.ROOT);
        return settings.allowedHosts().stream().map(h -> unbracketed(h).toLowerCase(Locale.ROOT)).anyMatch(allowed ->
                allowed.startsWith("*.") ? lower.endsWith(allowed.substring(1)) : lower.equals(allowed));
    }

    /** An internal address an admin named: as the allowed host itself (a literal address), or in allowed-addresses. */
    private boolean explicitlyAllowed(String host, InetAddress address) {
        String literal = unbracketed(host);
        if (isLiteral(literal) && settings.allowedHosts().stream().map(HttpAdapter::unbracketed).anyMatch(literal::equalsIgnoreCase)) {
            return true;
        }
        return settings.allowedAddresses().stream().anyMatch(range -> within(address, range));
    }

    /** Not on the public internet: this machine, private networks, link-local (cloud metadata), shared and reserved ranges. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19);
        }
        // IPv6 unique local addresses, fc00::/7
        return (b[0] & 0xfe) == 0xfc;
    }

    private static boolean within(InetAddress address, String range) {
        try {
            String[] parts = range.strip().split("/", 2);
            InetAddress base = InetAddress.getByName(unbracketed(parts[0]));
            if (base.getAddress().length != address.getAddress().length) {
                return false;
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                return false;
            }
            BigInteger mask = prefix == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, base.getAddress()).and(mask).equals(new BigInteger(1, address.getAddress()).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
