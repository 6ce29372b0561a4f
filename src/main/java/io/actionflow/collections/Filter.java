package io.actionflow.collections;

import java.util.List;

/** Which records a query returns: conditions on fields, combined with and/or. */
public sealed interface Filter permits Filter.All, Filter.None, Filter.And, Filter.Or, Filter.Condition {

    enum Operator { EQ, NE, CONTAINS, GT, GE, LT, LE, BETWEEN, EMPTY, NOT_EMPTY, IN }

    /** No condition: every record. */
    record All() implements Filter {
    }

    /** No record at all: what a reader sees of a collection they may not read. */
    record None() implements Filter {
    }

    record And(List<Filter> filters) implements Filter {
    }

    record Or(List<Filter> filters) implements Filter {
    }

    /** {@code field op values}: one value for comparisons, two for between, any number for in, none for (not) empty. */
    record Condition(String field, Operator operator, List<Object> values) implements Filter {
    }

    static Filter all() {
        return new All();
    }

    static Filter none() {
        return new None();
    }

    static Filter and(Filter... filters) {
        return new And(List.of(filters));
    }

    static Filter or(Filter... filters) {
        return new Or(List.of(filters));
    }

    static Condition where(String field, Operator operator, Object... values) {
        return new Condition(field, operator, java.util.Arrays.asList(values));
    }
}
