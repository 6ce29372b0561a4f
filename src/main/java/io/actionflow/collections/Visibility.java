package io.actionflow.collections;

/**
 * What one reader may see: which records of each collection, and which of its fields. Queries apply it in SQL (to the
 * collection read, to the titles of related records, and to filters through relations) so that paging and counts
 * stay right; a condition or sort on a field the reader may not see is refused. Computed by the access module:
 * collections knows nothing of users and roles.
 */
public interface Visibility {

    /** Everything: what workflows and admins see. */
    Visibility ALL = new Visibility() {
        @Override
        public Filter records(String collection) {
            return Filter.all();
        }

        @Override
        public boolean field(String collection, String field) {
            return true;
        }
    };

    /** The records of {@code collection} this reader may see ({@link Filter#none()} for none). */
    Filter records(String collection);

    /** Whether this reader may see a field of a collection, and so filter and sort by it. */
    boolean field(String collection, String field);
}
