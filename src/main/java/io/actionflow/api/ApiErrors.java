package io.actionflow.api;

import io.actionflow.platform.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers in words: messages from the same bundles as the UI, in the caller's language
 * ({@code Accept-Language}, English by default), shaped as {@code {"errors":[{"message":…}]}} or
 * {@code {"messages":[{"message":…}]}}.
 */
@Component
class ApiErrors {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A message in the caller's language; a key the bundles lack is shown as itself rather than failing. */
    String say(Text text, Locale locale) {
        return text.format((key, args) -> {
            try {
                return messages.getMessage(key, args, locale);
            } catch (NoSuchMessageException e) {
                return key;
            }
        });
    }

    ResponseEntity<Object> error(HttpStatus status, Locale locale, String key, Object... args) {
        return errors(status, List.of(entry(null, say(Text.of(key, args), locale))));
    }

    static ResponseEntity<Object> errors(HttpStatus status, List<Map<String, Object>> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", errors));
    }

    static Map<String, Object> entry(String field, String message) {
        var entry = new LinkedHashMap<String, Object>();
        if (field != null) {
            entry.put("field", field);
        }
        entry.put("message", message);
        return entry;
    }

    /** Writes an error straight to the response, for refusals before any controller runs (security filters). */
    void write(HttpServletResponse response, int status, Locale locale, String key, Object... args) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var body = new ArrayList<Map<String, Object>>();
        body.add(entry(null, say(Text.of(key, args), locale)));
        response.getWriter().write(JSON.writeValueAsString(Map.of("errors", body)));
    }
}
