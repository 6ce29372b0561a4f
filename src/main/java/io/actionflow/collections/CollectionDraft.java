package io.actionflow.collections;

/** A new collection, or the new title and description of an existing one. */
public record CollectionDraft(String name, String title, String description, String titleField) {
}
