package io.actionflow.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, for errors no other part answered: JSON with the status of the error, in the
 * caller's language. Opened directly, with no error behind it, it is an address like any unknown one: 404.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ErrorAnswers implements ErrorController {

    private final ApiErrors errors;

    ErrorAnswers(ApiErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        if (status == null || status.value() < 400) {
            return errors.error(HttpStatus.NOT_FOUND, ApiLocale.of(request), "api.path.unknown", request.getRequestURI());
        }
        String key = switch (status.value()) {
            case 401 -> "api.unauthorized";
            case 403 -> "api.forbidden";
            case 404 -> "api.path.unknown";
            case 405 -> "api.method.other";
            case 406 -> "api.accept";
            case 413 -> "api.body.tooLarge";
            default -> status.is5xxServerError() ? "api.failed.plain" : "api.request.bad";
        };
        Object argument = switch (status.value()) {
            case 404 -> String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
            case 405 -> request.getMethod();
            case 413 -> ApiBodies.MAX_BODY / 1024;
            default -> "-";
        };
        return errors.error(status, ApiLocale.of(request), key, argument);
    }
}
