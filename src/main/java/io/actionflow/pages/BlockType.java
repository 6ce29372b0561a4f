package io.actionflow.pages;

/** The data blocks a page is made of. */
public enum BlockType {
    /** Records in rows: columns, sorting, a filter bar, selection, row actions and toolbar actions. */
    TABLE,
    /** Records as cards, with row actions. */
    LIST,
    /** A create or edit form with Submit or Save. */
    FORM,
    /** One record, read-only, with row actions. */
    DETAILS;

    public String labelKey() {
        return "blockType." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
