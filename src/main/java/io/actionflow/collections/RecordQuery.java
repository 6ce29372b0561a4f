package io.actionflow.collections;

import java.util.List;

/** A page of records: which ({@code filter}), in what order ({@code sorts}, then by id), from where, how many. */
public record RecordQuery(Filter filter, List<Sort> sorts, int offset, int limit) {

    public record Sort(String field, boolean ascending) {

        public static Sort asc(String field) {
            return new Sort(field, true);
        }

        public static Sort desc(String field) {
            return new Sort(field, false);
        }
    }

    public RecordQuery {
        filter = filter == null ? Filter.all() : filter;
        sorts = sorts == null ? List.of() : List.copyOf(sorts);
    }

    public static RecordQuery firstPage(int limit) {
        return new RecordQuery(Filter.all(), List.of(), 0, limit);
    }

    public RecordQuery filteredBy(Filter newFilter) {
        return new RecordQuery(newFilter, sorts, offset, limit);
    }

    public RecordQuery sortedBy(Sort... newSorts) {
        return new RecordQuery(filter, List.of(newSorts), offset, limit);
    }
}
