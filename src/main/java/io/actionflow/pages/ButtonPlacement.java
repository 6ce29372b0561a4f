package io.actionflow.pages;

/** Where a button sits in its block: above the records, on each record, or at the foot of a form. */
public enum ButtonPlacement { TOOLBAR, ROW, FORM }
