package io.actionflow.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every address under {@code /api} that nothing else serves: 404 JSON (405 where the address is ours but not the
 * method). Without it, the UI's servlet would answer such a call with its HTML page and a 200.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class UnknownAddresses {

    /** The shapes our record actions answer: {@code /api/<resource>:<action>} and {@code /api/<resource>:trigger/<id>}. */
    private static final Pattern OURS = Pattern.compile("/api/[A-Za-z][A-Za-z0-9_]{0,63}:[a-zA-Z]+(/[^/]+)?");

    @RequestMapping("/api/**")
    Object unknown(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (OURS.matcher(uri).matches()) {
            throw new ApiExceptions.Refused(HttpStatus.METHOD_NOT_ALLOWED, "api.method.other", request.getMethod());
        }
        throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.path.unknown", uri.length() > 200 ? uri.substring(0, 200) + "…" : uri);
    }
}
