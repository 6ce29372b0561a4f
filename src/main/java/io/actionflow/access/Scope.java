package io.actionflow.access;

/**
 * Which records of a collection an allowed action reaches: all of them, those the user created, or those a filter
 * (in the API's JSON, with the operator's variables such as {@code {{$user.id}}}) matches.
 */
public sealed interface Scope {

    record All() implements Scope {
    }

    record Own() implements Scope {
    }

    record Where(String filter) implements Scope {
    }

    Scope ALL = new All();
    Scope OWN = new Own();

    /** The stored form: {@code all} (or nothing), {@code own}, or the filter's JSON. */
    static Scope parse(String stored) {
        if (stored == null || stored.isBlank() || stored.strip().equals("all")) {
            return ALL;
        }
        return stored.strip().equals("own") ? OWN : new Where(stored.strip());
    }

    default String stored() {
        return switch (this) {
            case All all -> "all";
            case Own own -> "own";
            case Where where -> where.filter();
        };
    }
}
