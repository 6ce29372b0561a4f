package io.actionflow.pages;

/** What a Trigger workflow button in a toolbar passes on: nothing, or the selected rows. */
public enum TriggerContext { NONE, SELECTED }
