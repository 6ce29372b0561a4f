package io.actionflow.access;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a request asks of one collection on the caller's behalf: to {@code act} on these records (none: the collection
 * only), setting these fields, to these typed values when they are given (their links and rows are reached too).
 * Each trigger of a click names its reaches; {@link Access#check(Actor, Reach)} decides.
 */
public record Reach(String collection, Act act, List<Long> ids, Collection<String> fields, Map<String, Object> values) {

    public Reach {
        ids = ids == null ? List.of() : List.copyOf(ids);
        fields = fields == null ? Set.of() : Set.copyOf(fields);
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Reach of(String collection, Act act, List<Long> ids) {
        return new Reach(collection, act, ids, Set.of(), Map.of());
    }

    /** Setting these typed values: their fields, and what they reach beyond the record (links, rows). */
    public static Reach writing(String collection, Act act, List<Long> ids, Map<String, Object> values) {
        return new Reach(collection, act, ids, values.keySet(), values);
    }
}
