/**
 * Admin views of the data model: the list of collections, one collection's fields and a preview of its records.
 * {@code RecordFormat} is shared with the views that show records elsewhere.
 */
@org.springframework.modulith.NamedInterface("ui")
package io.actionflow.collections.ui;
