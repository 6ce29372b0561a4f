package io.actionflow.api;

import io.actionflow.workflow.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhooks/<hook>}: the address other systems call to start a webhook workflow. No user signs in here
 * ({@link ApiSecurity} lets these calls through unauthenticated); {@link Webhooks} checks the workflow's secret. The
 * body is read up to the limit and no further; every refusal is JSON.
 */
@RestController
class WebhookEndpoint {

    private final Webhooks webhooks;
    private final ApiErrors errors;

    WebhookEndpoint(Webhooks webhooks, ApiErrors errors) {
        this.webhooks = webhooks;
        this.errors = errors;
    }

    @RequestMapping("/api/webhooks/{hook}")
    ResponseEntity<Object> call(@PathVariable String hook, HttpServletRequest request) throws IOException {
        Locale locale = ApiLocale.of(request);
        int max = webhooks.maxBytes();
        if (request.getContentLengthLong() > max) {
            return errors.error(HttpStatus.PAYLOAD_TOO_LARGE, locale, "webhook.tooLarge", max);
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(max + 1);
        } catch (IOException broken) {
            // the caller went away, or sent a broken chunk: nothing to run, and nothing for the log
            return errors.error(HttpStatus.BAD_REQUEST, locale, "webhook.body.unreadable");
        }
        var headers = new LinkedHashMap<String, String>();
        var query = new LinkedHashMap<String, List<String>>();
        try {
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
            }
            request.getParameterMap().forEach((name, values) -> query.put(name, List.of(values)));
        } catch (org.springframework.security.web.firewall.RequestRejectedException rejected) {
            // a header the firewall refuses to hand out (control bytes): refused as any API call is, not a 500
            return errors.error(HttpStatus.BAD_REQUEST, locale, "api.request.rejected");
        }
        var answer = webhooks.receive(hook, new Webhooks.Call(request.getMethod(), headers, request.getQueryString(), query, body));
        if (answer.refusal() != null) {
            return ApiErrors.errors(HttpStatus.valueOf(answer.status()), List.of(ApiErrors.entry(null, errors.say(answer.refusal(), locale))));
        }
        var reply = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.redelivered()) {
            reply.header("X-Actionflow-Redelivery", "true");
        }
        return reply.body(answer.body() == null ? Map.of() : answer.body());
    }
}
