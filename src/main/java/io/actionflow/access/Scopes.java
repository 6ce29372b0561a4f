package io.actionflow.access;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.FilterJson;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A scope as the filter it is for one actor: their own records, or a JSON filter with their variables filled in. */
final class Scopes {

    /** Someone to check a scope's filter with before it is saved. */
    static final Actor SAMPLE = new Actor("sample", 1L, "member", "sample@example.com", "Sample");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\$user\\.(id|username|email|nickname)|\\$role)\\s*}}");

    private Scopes() {
    }

    static Filter filter(Scope scope, Actor actor) {
        return switch (scope) {
            case Scope.All all -> Filter.all();
            case Scope.Own own -> actor.userId() == null ? Filter.none()
                    : Filter.where("created_by", Filter.Operator.EQ, actor.userId());
            case Scope.Where where -> FilterJson.of(tree(where.filter(), actor));
        };
    }

    /** The filter's JSON with the actor's variables in place: {@code "{{$user.id}}"} becomes their id, as a number. */
    static Object tree(String json, Actor actor) {
        Object tree;
        try {
            tree = JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new ValidationException(FieldError.of("filter", "api.filter.json"));
        }
        return fill(tree, actor.variables());
    }

    private static Object fill(Object value, Map<String, Object> variables) {
        return switch (value) {
            case String text -> fillText(text, variables);
            case Map<?, ?> map -> {
                var filled = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> filled.put(String.valueOf(k), fill(v, variables)));
                yield filled;
            }
            case List<?> list -> {
                var filled = new ArrayList<>();
                list.forEach(v -> filled.add(fill(v, variables)));
                yield filled;
            }
            case null, default -> value;
        };
    }

    private static Object fillText(String text, Map<String, Object> variables) {
        Matcher whole = VARIABLE.matcher(text.strip());
        if (whole.matches()) {
            return resolve(whole.group(1), variables);
        }
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            Object v = resolve(m.group(1), variables);
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(String path, Map<String, Object> variables) {
        if (path.equals("$role")) {
            return variables.get("$role");
        }
        return ((Map<String, Object>) variables.get("$user")).get(path.substring("$user.".length()));
    }

    /** Every field a scope's filter names exists (the system ones, or one relation deep as {@code owner.title}). */
    static void checkFields(CollectionDefinition collection, Filter filter) {
        switch (filter) {
            case Filter.And and -> and.filters().forEach(f -> checkFields(collection, f));
            case Filter.Or or -> or.filters().forEach(f -> checkFields(collection, f));
            case Filter.Condition c -> {
                String name = c.field().contains(".") ? c.field().substring(0, c.field().indexOf('.')) : c.field();
                boolean known = name.equals("id") || name.equals("created_by") || collection.field(name)
                        .filter(f -> f.type().hasColumn() && (!c.field().contains(".") || f.type() == FieldType.MANY_TO_ONE))
                        .isPresent();
                if (!known) {
                    throw new ValidationException(FieldError.of("filter", "filter.field", c.field(), collection.name()));
                }
            }
            default -> { }
        }
    }
}
