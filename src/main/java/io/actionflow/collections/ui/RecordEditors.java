package io.actionflow.collections.ui;

import com.vaadin.flow.component.Component;
import io.actionflow.collections.CollectionDefinition;

/**
 * The records of a collection as an admin works on them in its Data tab: listed, added, changed and deleted. Made
 * by the module that owns the click path, so that these writes pass through the dispatcher like every other.
 */
public interface RecordEditors {

    Component table(CollectionDefinition collection);
}
