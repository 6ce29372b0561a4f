package io.actionflow.api;

import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the API as JSON with a status that says whose fault it is: 4xx for the call, with messages in the
 * caller's language; 500 only for our own faults, with a reference for the log and never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptions.class)
class ApiExceptions {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptions.class);

    private final ApiErrors errors;

    ApiExceptions(ApiErrors errors) {
        this.errors = errors;
    }

    /** A call refused before it reached the dispatcher: the status and the message that says why. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final String key;
        final transient Object[] args;

        Refused(HttpStatus status, String key, Object... args) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.args = args;
        }
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Object> refused(Refused refused, HttpServletRequest request) {
        return errors.error(refused.status, ApiLocale.of(request), refused.key, refused.args);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Object> invalid(ValidationException invalid, HttpServletRequest request) {
        var list = new ArrayList<Map<String, Object>>();
        invalid.errors().forEach(e -> list.add(ApiErrors.entry(e.field(),
                errors.say(new Text(e.messageKey(), e.args()), ApiLocale.of(request)))));
        return ApiErrors.errors(HttpStatus.BAD_REQUEST, list);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> missing(NotFoundException missing, HttpServletRequest request) {
        return errors.error(HttpStatus.NOT_FOUND, ApiLocale.of(request), missing.messageKey(), missing.args().toArray());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(HttpServletRequest request) {
        return errors.error(HttpStatus.FORBIDDEN, ApiLocale.of(request), "api.forbidden");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return errors.error(HttpStatus.METHOD_NOT_ALLOWED, ApiLocale.of(request), "api.method.other", e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpServletRequest request) {
        return errors.error(HttpStatus.NOT_ACCEPTABLE, ApiLocale.of(request), "api.accept");
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Object> mediaType(HttpServletRequest request) {
        return errors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiLocale.of(request), "api.mediaType");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noPath(HttpServletRequest request) {
        return errors.error(HttpStatus.NOT_FOUND, ApiLocale.of(request), "api.path.unknown", request.getRequestURI());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<Object> parameter(org.springframework.web.bind.MissingServletRequestParameterException e, HttpServletRequest request) {
        return errors.error(HttpStatus.BAD_REQUEST, ApiLocale.of(request), "api.parameter.missing", e.getParameterName());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception failed, HttpServletRequest request) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("API call {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, failed);
        return errors.error(HttpStatus.INTERNAL_SERVER_ERROR, ApiLocale.of(request), "api.failed", reference);
    }
}
