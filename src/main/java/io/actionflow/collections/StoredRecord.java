package io.actionflow.collections;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One record as it is stored: its field values by field name, and for each many-to-one field the title of the
 * record it points to.
 *
 * @param title what names this record: the value of the collection's title field, or {@code #id}
 */
public record StoredRecord(
        long id,
        String title,
        Map<String, Object> values,
        Map<String, String> relationTitles,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Long createdBy) {

    /**
     * What {@link #relationTitles()} holds for a to-one relation whose record the reader may not see: the value is
     * there (it is the record's), but no title, and nothing should show which record it is.
     */
    public static final String HIDDEN = "\u0000hidden";

    public Object get(String field) {
        return values.get(field);
    }

    /** Whether this relation points to a record the reader may not see. */
    public boolean hides(String relation) {
        return HIDDEN.equals(relationTitles.get(relation));
    }

    /** The same record showing only what a reader may see: these values, relation titles and title. */
    public StoredRecord showing(Map<String, Object> visibleValues, Map<String, String> visibleTitles, String visibleTitle) {
        return new StoredRecord(id, visibleTitle, visibleValues, visibleTitles, createdAt, updatedAt, createdBy);
    }
}
