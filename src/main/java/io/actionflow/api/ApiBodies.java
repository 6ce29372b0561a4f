package io.actionflow.api;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.StrictJson;
import io.actionflow.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What a call sends. The body is read as JSON when its {@code Content-Type} says JSON, says nothing, or says what
 * simple clients send JSON as ({@code text/plain}, curl's form type), and refused with 415 in any other type; it is
 * never lost: parameters come from the query string only ({@link QueryParametersFilter}), so a form-encoded body is
 * still here to be read, and a multipart body is refused before the container can take it apart
 * ({@link JsonAnswersFilter}). Text that is not UTF-8, duplicate keys, NUL characters and halves of surrogate pairs
 * are refused, never stored altered, and no refusal names a library's internals.
 */
final class ApiBodies {

    /** The largest body a call may send. */
    static final int MAX_BODY = 1024 * 1024;

    private static final Pattern QUOTED = Pattern.compile("[\"'`]([^\"'`]{1,64})[\"'`]");

    private ApiBodies() {
    }

    /**
     * The body, at most {@link #MAX_BODY} bytes. It is read as JSON when it says it is JSON, says nothing, or says what
     * simple clients send JSON as ({@code text/plain}, and curl's {@code application/x-www-form-urlencoded}); a body of
     * any other type is not one we read (415).
     */
    static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new ApiExceptions.Refused(HttpStatus.CONTENT_TOO_LARGE, "api.body.tooLarge", MAX_BODY / 1024);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new ApiExceptions.Refused(HttpStatus.CONTENT_TOO_LARGE, "api.body.tooLarge", MAX_BODY / 1024);
            }
            if (bytes.length > 0 && !readable(request.getContentType())) {
                throw new ApiExceptions.Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.mediaType");
            }
            return bytes;
        }
    }

    /** A call's body, which must be a JSON object. */
    static Map<String, Object> object(HttpServletRequest request) throws IOException {
        return object(read(request), request.getContentType());
    }

    /** The positive whole number a body gives for {@code name} (a task's id, say); refused with {@code messageKey}. */
    static long id(Map<String, Object> body, String name, String messageKey) {
        if (body.get(name) instanceof Number id && id.doubleValue() == id.longValue() && id.longValue() > 0) {
            return id.longValue();
        }
        throw new ValidationException(FieldError.of(name, messageKey));
    }

    /** What a call names by {@code filterByTk}: a positive whole number, written plainly; refused with {@code messageKey}. */
    static long filterByTk(HttpServletRequest request, String messageKey) {
        String id = request.getParameter("filterByTk");
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw new ValidationException(FieldError.of("filterByTk", messageKey));
        }
        return Long.parseLong(id);
    }

    /** The body as a JSON object of values; an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] body, String contentType) {
        Object tree = document(body, contentType);
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.object");
        }
        return (Map<String, Object>) map;
    }

    /** The body as any JSON value; null when it is empty. Text that is not UTF-8 is refused, never read as something else. */
    static Object document(byte[] body, String contentType) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.utf8");
        }
        if (text.isBlank()) {
            return null;
        }
        Object tree;
        try {
            tree = StrictJson.MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            if (!declaresJson(contentType)) {
                throw new ApiExceptions.Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.mediaType");
            }
            throw refusal(e);
        }
        String unstorable = unstorable(tree, "", 0);
        if (unstorable != null) {
            // named where it is (values.note), so that the caller knows which value to fix
            throw unstorable.isEmpty() ? new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.nul")
                    : new ValidationException(FieldError.of(unstorable, "api.body.nul"));
        }
        return tree;
    }

    /** The types a body is read as JSON in. */
    private static boolean readable(String contentType) {
        if (declaresJson(contentType)) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/plain") || type.equals("application/x-www-form-urlencoded");
    }

    /** No type, or a JSON type: a body that does not parse is broken JSON (400), not another media type (415). */
    private static boolean declaresJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.equals("*/*");
    }

    /** Why a JSON text was refused, in our words: where it broke, never the parser's class names. */
    static ApiExceptions.Refused refusal(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.tooDeep");
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate")) {
            Matcher name = QUOTED.matcher(message);
            return new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.duplicate", name.find() ? name.group(1) : "?");
        }
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1
                ? new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.broken")
                : new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.json", location.getLineNr(), location.getColumnNr());
    }

    /** Whether a text holds a NUL character or half of a surrogate pair ({@code "\\ud800"}): neither can be stored as sent. */
    /** Where a text no field may hold is (its path, such as {@code values.note}; empty at the top); null when nowhere. */
    private static String unstorable(Object value, String path, int depth) {
        switch (value) {
            case String text -> {
                return storable(text) ? null : path;
            }
            case Map<?, ?> map when depth < 2000 -> {
                for (var entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    String at = path.isEmpty() ? key : path + "." + key;
                    if (!storable(key)) {
                        return path;
                    }
                    String found = unstorable(entry.getValue(), at, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            case List<?> list when depth < 2000 -> {
                for (int i = 0; i < list.size(); i++) {
                    String found = unstorable(list.get(i), path + "[" + i + "]", depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            case null, default -> {
                return null;
            }
        }
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
