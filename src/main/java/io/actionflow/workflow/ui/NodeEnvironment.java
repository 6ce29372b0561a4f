package io.actionflow.workflow.ui;

import io.actionflow.collections.CollectionService;
import io.actionflow.platform.Roles;
import java.util.List;

/**
 * What a node's settings form knows of where the node sits: the collections and roles to pick from, the trigger's
 * collection (the fields an Update submitted data node writes), and the variables available at that place.
 */
record NodeEnvironment(CollectionService collections, Roles roles, String triggerCollection, List<Variables.Group> variables) {
}
