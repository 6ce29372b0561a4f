package io.actionflow.collections;

import io.actionflow.platform.Text;
import java.util.List;

/**
 * Where a collection is used outside its own module (the blocks of pages, the triggers of workflows): a collection
 * still used is not deleted, and the refusal names those places. Implemented by the modules that use collections.
 */
public interface CollectionUses {

    /** The places that use the collection, each said as a text to translate ("the page Deals"). */
    List<Text> of(String collection);
}
