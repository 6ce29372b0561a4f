package io.actionflow.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a request asks of one collection on the caller's behalf: to {@code act} on these records (none: the collection
 * only), setting these fields. Each trigger of a click names its reaches; {@link Access#check(Actor, Reach)} decides.
 */
public record Reach(String collection, Act act, List<Long> ids, Collection<String> fields) {

    public Reach {
        ids = ids == null ? List.of() : List.copyOf(ids);
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }

    public static Reach of(String collection, Act act, List<Long> ids) {
        return new Reach(collection, act, ids, Set.of());
    }
}
