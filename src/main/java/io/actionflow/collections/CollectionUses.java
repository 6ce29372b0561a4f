package io.actionflow.collections;

import io.actionflow.platform.Text;
import java.util.List;

/**
 * Where a collection is used outside its own module (the blocks of pages, the triggers of workflows): a collection
 * still used is not deleted, and the refusal names those places. Implemented by the modules that use collections.
 * The same holds for a field that is renamed or removed and for a select option that is removed: what would fail on
 * every click without them is named, and the change waits until it is changed.
 */
public interface CollectionUses {

    /** The places that use the collection, each said as a text to translate ("the page Deals"). */
    List<Text> of(String collection);

    /** The places that name a field of the collection and would fail without it. */
    default List<Text> ofField(String collection, String field) {
        return List.of();
    }

    /** The places that would fail if the field took another name; by default, those that name it. */
    default List<Text> ofRename(String collection, String field) {
        return ofField(collection, field);
    }

    /** A field was renamed, in the transaction that renames it: places that follow a rename do so here. */
    default void renamed(String collection, String from, String to) {
    }

    /** The places that write an option of a select field and would fail once it is no option. */
    default List<Text> ofOption(String collection, String field, String option) {
        return List.of();
    }
}
